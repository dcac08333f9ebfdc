using Cairn.Core.Registry;
using Cairn.Storage.Entities;

namespace Cairn.Storage.Registry;

/// <summary>Entities to domain records; lists are sorted so responses are deterministic.</summary>
internal static class RegistryEntityMapper
{
    public static ModelVersion ToDomain(ModelVersionEntity v, string name, IEnumerable<string> aliases) => new()
    {
        Name = name,
        Version = v.Version,
        CreationTimestamp = v.CreationTime,
        LastUpdatedTimestamp = v.LastUpdatedTime,
        UserId = v.UserId,
        CurrentStage = v.CurrentStage,
        Description = v.Description,
        Source = v.Source,
        StorageLocation = v.StorageLocation,
        RunId = v.RunId,
        RunLink = v.RunLink,
        ModelId = v.ModelId,
        Status = v.Status,
        StatusMessage = v.StatusMessage,
        Tags = v.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new Core.KeyValue(t.Key, t.Value)).ToList(),
        Aliases = aliases.Order(StringComparer.Ordinal).ToList(),
    };

    public static RegisteredModel ToDomain(
        RegisteredModelEntity m,
        IEnumerable<RegisteredModelAliasEntity> aliases,
        IEnumerable<ModelVersion> latestVersions) => new()
    {
        Name = m.Name,
        CreationTimestamp = m.CreationTime,
        LastUpdatedTimestamp = m.LastUpdatedTime,
        UserId = m.UserId,
        Description = m.Description,
        Tags = m.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new Core.KeyValue(t.Key, t.Value)).ToList(),
        Aliases = aliases.OrderBy(a => a.Alias, StringComparer.Ordinal).Select(a => new RegisteredModelAlias(a.Alias, a.Version)).ToList(),
        LatestVersions = latestVersions.OrderBy(v => v.Version).ToList(),
    };
}
