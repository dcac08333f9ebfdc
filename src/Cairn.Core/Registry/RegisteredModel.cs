namespace Cairn.Core.Registry;

/// <summary>
/// A named model in the registry. <see cref="LatestVersions"/> holds the highest version of each stage
/// (MLflow's <c>latest_versions</c>); <see cref="Aliases"/> the named pointers at versions.
/// </summary>
public sealed record RegisteredModel
{
    public required string Name { get; init; }
    public long CreationTimestamp { get; init; }
    public long LastUpdatedTimestamp { get; init; }
    public string? UserId { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<KeyValue> Tags { get; init; } = [];
    public IReadOnlyList<RegisteredModelAlias> Aliases { get; init; } = [];
    public IReadOnlyList<ModelVersion> LatestVersions { get; init; } = [];
}
