using System.Globalization;
using Cairn.Contracts.Mlflow;
using Cairn.Contracts.Mlflow.Registry;
using Cairn.Core;
using Cairn.Core.Errors;
using Cairn.Core.Registry;

namespace Cairn.Server.Mlflow;

/// <summary>
/// Registry domain records to MLflow's wire shapes. As the MLflow server does, a version always carries
/// <c>description</c> and <c>run_link</c> (empty strings when unset); empty lists are left out.
/// </summary>
public static class RegistryMapping
{
    public static RegisteredModelDto ToDto(RegisteredModel model) => new()
    {
        Name = model.Name,
        CreationTimestamp = model.CreationTimestamp,
        LastUpdatedTimestamp = model.LastUpdatedTimestamp,
        UserId = model.UserId,
        Description = model.Description,
        LatestVersions = NullIfEmpty(model.LatestVersions.Select(ToDto).ToList()),
        Tags = NullIfEmpty(model.Tags.Select(ToDto).ToList()),
        Aliases = NullIfEmpty(model.Aliases.Select(a => new RegisteredModelAliasDto(a.Alias, Version(a.Version))).ToList()),
    };

    public static ModelVersionDto ToDto(ModelVersion version) => new()
    {
        Name = version.Name,
        Version = Version(version.Version),
        CreationTimestamp = version.CreationTimestamp,
        LastUpdatedTimestamp = version.LastUpdatedTimestamp,
        UserId = version.UserId,
        CurrentStage = version.CurrentStage,
        Description = version.Description ?? string.Empty,
        Source = version.Source,
        RunId = version.RunId,
        Status = version.Status,
        StatusMessage = version.StatusMessage,
        Tags = NullIfEmpty(version.Tags.Select(ToDto).ToList()),
        RunLink = version.RunLink ?? string.Empty,
        Aliases = NullIfEmpty(version.Aliases.ToList()),
        ModelId = version.ModelId,
    };

    public static IReadOnlyList<ModelVersionDto>? ToDtos(IEnumerable<ModelVersion> versions) =>
        NullIfEmpty(versions.Select(ToDto).ToList());

    /// <summary>Request tags to domain tags; a tag without a key is reported as the missing field.</summary>
    public static IReadOnlyList<KeyValue>? Tags(IReadOnlyList<KeyValueDto>? tags) =>
        tags?.Select(t => new KeyValue(t.Key ?? throw CairnException.MissingParameter("key"), t.Value ?? string.Empty)).ToList();

    private static KeyValueDto ToDto(KeyValue tag) => new() { Key = tag.Key, Value = tag.Value };

    private static string Version(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static IReadOnlyList<T>? NullIfEmpty<T>(List<T> items) => items.Count == 0 ? null : items;
}
