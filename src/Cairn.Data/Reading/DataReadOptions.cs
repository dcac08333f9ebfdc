using Cairn.Data.Csv;

namespace Cairn.Data.Reading;

/// <summary>Reader settings shared by every format.</summary>
public sealed record DataReadOptions
{
    public static readonly DataReadOptions Default = new();

    public CsvOptions Csv { get; init; } = CsvOptions.Default;

    /// <summary>Largest JSON line, or largest JSON array document (which is read whole).</summary>
    public int MaxJsonBytes { get; init; } = 256 * 1024 * 1024;

    /// <summary>Where a non-seekable Parquet stream is spooled; null uses the system temp directory.</summary>
    public string? TempDirectory { get; init; }
}
