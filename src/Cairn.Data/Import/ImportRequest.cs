namespace Cairn.Data.Import;

/// <summary>What to import: under which name, in which format (else from the file name), and where it came from.</summary>
public sealed record ImportRequest
{
    public required string Name { get; init; }

    /// <summary>csv, parquet, jsonl or json; null infers it from <see cref="FileName"/>.</summary>
    public string? Format { get; init; }

    public string? FileName { get; init; }

    /// <summary>Recorded as the version's source; defaults to the file name.</summary>
    public string? SourceUri { get; init; }

    /// <summary>Told the number of bytes read so far.</summary>
    public IProgress<long>? Progress { get; init; }
}
