using Cairn.Core.Errors;

namespace Cairn.Data.Formats;

/// <summary>Names, file extensions and detection of <see cref="DataFormat"/>.</summary>
public static class DataFormats
{
    /// <summary>The short name used on the wire and in the CLI: csv, parquet, jsonl, json.</summary>
    public static string Name(DataFormat format) => format switch
    {
        DataFormat.Csv => "csv",
        DataFormat.Parquet => "parquet",
        DataFormat.JsonLines => "jsonl",
        DataFormat.Json => "json",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The file extension (without dot) a stored version gets.</summary>
    public static string Extension(DataFormat format) => Name(format);

    /// <summary>Parses a format name (case-insensitive; ndjson is an alias of jsonl) or throws INVALID_PARAMETER_VALUE.</summary>
    public static DataFormat Parse(string value, string field = "format") =>
        TryParse(value, out var format)
            ? format
            : throw CairnException.InvalidParameter(
                $"Invalid value '{value}' for parameter '{field}': supported formats are csv, parquet, jsonl and json.");

    public static bool TryParse(string? value, out DataFormat format)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "csv" or "tsv" or "txt":
                format = DataFormat.Csv;
                return true;
            case "parquet" or "pq":
                format = DataFormat.Parquet;
                return true;
            case "jsonl" or "ndjson" or "jsonlines" or "json-lines":
                format = DataFormat.JsonLines;
                return true;
            case "json":
                format = DataFormat.Json;
                return true;
            default:
                format = default;
                return false;
        }
    }

    /// <summary>The format implied by a file name's extension, or null when it implies none.</summary>
    public static DataFormat? FromFileName(string? fileName)
    {
        var extension = Path.GetExtension(fileName ?? "").TrimStart('.');
        return TryParse(extension, out var format) ? format : null;
    }

    /// <summary>An explicit format wins; otherwise the file name decides; otherwise INVALID_PARAMETER_VALUE.</summary>
    public static DataFormat Resolve(string? explicitFormat, string? fileName) =>
        !string.IsNullOrWhiteSpace(explicitFormat)
            ? Parse(explicitFormat)
            : FromFileName(fileName) ?? throw CairnException.InvalidParameter(
                $"Missing value for parameter 'format': it cannot be inferred from the file name '{fileName}'. Use csv, parquet, jsonl or json.");
}
