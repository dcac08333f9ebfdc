namespace Cairn.Core.Datasets;

/// <summary>
/// One immutable version of a named dataset. <see cref="Version"/> is the SHA-256 of the file's
/// bytes (lower-case hex), so identical bytes are the same version; the file itself is stored once,
/// content-addressed, at <see cref="ArtifactPath"/>. Schema and profile are JSON (Cairn.Data's shapes).
/// </summary>
public sealed record DatasetVersion
{
    public required string Name { get; init; }

    public required string Version { get; init; }

    /// <summary>csv, parquet, jsonl or json.</summary>
    public required string Format { get; init; }

    /// <summary>Where the data came from (a file name, path or URI), as the importer was told.</summary>
    public string? SourceUri { get; init; }

    public required string ArtifactPath { get; init; }

    public long RowCount { get; init; }

    public int ColumnCount { get; init; }

    public long SizeBytes { get; init; }

    public required string SchemaJson { get; init; }

    /// <summary>Null when the caller asked for the version without its (large) profile.</summary>
    public string? ProfileJson { get; init; }

    public long CreatedAtMs { get; init; }

    /// <summary>The tags of the dataset that point at this version.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}
