namespace Cairn.Contracts.Native.Datasets;

/// <summary>One dataset version; <see cref="Version"/> is the SHA-256 of its bytes. Schema and profile are present on single-version reads.</summary>
public sealed record DatasetVersionDto(string Name, string Version, string Format)
{
    public string? SourceUri { get; init; }
    public long RowCount { get; init; }
    public int ColumnCount { get; init; }
    public long SizeBytes { get; init; }
    public long CreatedAtMs { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public DatasetSchemaDto? Schema { get; init; }
    public DatasetProfileDto? Profile { get; init; }
}

/// <summary>The answer to an import: the version, and whether it was new (false: identical bytes were already imported under this name).</summary>
public sealed record ImportDatasetResponse(DatasetVersionDto Version, bool Created);

public sealed record ListDatasetVersionsResponse(IReadOnlyList<DatasetVersionDto> Versions);

/// <summary>A dataset name with its version count, latest version and tags (tag to version hash).</summary>
public sealed record DatasetSummaryDto(string Name, long CreatedAtMs, int VersionCount)
{
    public string? LatestVersion { get; init; }
    public long? LatestCreatedAtMs { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record ListDatasetsResponse(IReadOnlyList<DatasetSummaryDto> Datasets)
{
    public string? NextPageToken { get; init; }
}

/// <summary>Points a tag at a version (full hash, unique prefix, another tag or "latest").</summary>
public sealed record SetDatasetTagRequest(string Version);
