namespace Cairn.Core.Datasets;

/// <summary>A dataset name with its version count, its latest version and its tags (tag → version).</summary>
public sealed record DatasetSummary(string Name, long CreatedAtMs, int VersionCount, string? LatestVersion, long? LatestCreatedAtMs)
{
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
