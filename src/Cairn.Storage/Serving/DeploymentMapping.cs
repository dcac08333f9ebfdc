using System.Text.Json;
using Cairn.Core.Serving;
using Cairn.Storage.Entities;

namespace Cairn.Storage.Serving;

/// <summary>Rows ↔ domain records of the serving tables.</summary>
internal static class DeploymentMapping
{
    public static string VariantsJson(IReadOnlyList<DeploymentVariant> variants) => JsonSerializer.Serialize(
        variants.Select(v => new StoredVariant(v.Name, v.Model, v.Version, v.Alias, v.Weight, v.Mode.ToString())).ToList(),
        ServingStorageJsonContext.Default.ListStoredVariant);

    public static IReadOnlyList<DeploymentVariant> Variants(string json) =>
        (JsonSerializer.Deserialize(json, ServingStorageJsonContext.Default.ListStoredVariant) ?? [])
        .Select(v => new DeploymentVariant
        {
            Name = v.Name,
            Model = v.Model,
            Version = v.Version,
            Alias = v.Alias,
            Weight = v.Weight,
            Mode = Enum.Parse<VariantMode>(v.Mode),
        })
        .ToList();

    public static Deployment ToDomain(DeploymentEntity e) => new()
    {
        Name = e.Name,
        Description = e.Description,
        StickyKey = e.StickyKey,
        Status = (DeploymentStatus)e.Status,
        Variants = Variants(e.VariantsJson),
        CreationTimestamp = e.CreationTimestamp,
        LastUpdatedTimestamp = e.LastUpdatedTimestamp,
        Revision = e.Revision,
    };

    public static DeploymentEvent ToDomain(DeploymentEventEntity e) => new()
    {
        Deployment = e.Deployment,
        Sequence = e.Sequence,
        Timestamp = e.Timestamp,
        Actor = e.Actor,
        Action = e.Action,
        Reason = e.Reason,
        Variants = Variants(e.VariantsJson),
    };

    public static DeploymentEventEntity ToEntity(DeploymentEvent e, long sequence) => new()
    {
        Deployment = e.Deployment,
        Sequence = sequence,
        Timestamp = e.Timestamp,
        Actor = e.Actor,
        Action = e.Action,
        Reason = e.Reason,
        VariantsJson = VariantsJson(e.Variants),
    };

    public static Feedback ToDomain(FeedbackEntity e) => new()
    {
        Deployment = e.Deployment,
        RequestId = e.RequestId,
        Timestamp = e.Timestamp,
        Actual = e.Actual,
        Outcome = e.Outcome,
        Value = e.Value,
    };
}
