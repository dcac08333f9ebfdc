using Cairn.Core.Serving;

namespace Cairn.Serving.Deployments;

/// <summary>Who changes a deployment and why; recorded with the change.</summary>
public sealed record ChangeContext(string Actor, string? Reason)
{
    public const string AnonymousActor = "anonymous";
}

/// <summary>
/// A variant as requested: exactly one of <see cref="Version"/> or <see cref="Alias"/> (the alias is
/// resolved to a pinned version when the change is stored). A null weight is 0, except that a single
/// live variant defaults to 100.
/// </summary>
public sealed record VariantSpec
{
    public string? Name { get; init; }
    public string? Model { get; init; }
    public long? Version { get; init; }
    public string? Alias { get; init; }
    public int? Weight { get; init; }
    public VariantMode Mode { get; init; } = VariantMode.Live;
}

/// <summary>A new deployment as requested.</summary>
public sealed record NewDeployment
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? StickyKey { get; init; }
    public IReadOnlyList<VariantSpec>? Variants { get; init; }
}

/// <summary>
/// Changes to a deployment; null fields are left as they are. An empty <see cref="StickyKey"/> removes
/// sticky assignment. <see cref="Revision"/>, when given, must be the current one (optimistic concurrency).
/// </summary>
public sealed record DeploymentUpdate
{
    public string? Description { get; init; }
    public string? StickyKey { get; init; }
    public IReadOnlyList<VariantSpec>? Variants { get; init; }
    public long? Revision { get; init; }
}
