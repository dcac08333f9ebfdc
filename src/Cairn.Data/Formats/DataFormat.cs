namespace Cairn.Data.Formats;

/// <summary>The file formats a dataset version can be imported from.</summary>
public enum DataFormat
{
    /// <summary>Comma-separated values (RFC 4180, header row; the delimiter is sniffed).</summary>
    Csv,

    /// <summary>Apache Parquet.</summary>
    Parquet,

    /// <summary>One JSON object per line.</summary>
    JsonLines,

    /// <summary>A JSON array of objects (as many public data sets ship).</summary>
    Json,
}
