namespace Cairn.Data.Csv;

/// <summary>How CSV is read. Defaults follow RFC 4180 with a sniffed delimiter.</summary>
public sealed record CsvOptions
{
    public static readonly CsvOptions Default = new();

    /// <summary>The field delimiter; null sniffs it from the header line among , ; tab and |.</summary>
    public char? Delimiter { get; init; }

    /// <summary>A row larger than this is refused (usually a quote that is never closed).</summary>
    public int MaxRecordBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Size of the pooled read buffer.</summary>
    public int BufferBytes { get; init; } = 1024 * 1024;
}
