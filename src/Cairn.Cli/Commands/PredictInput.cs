using System.Globalization;
using System.Text;
using System.Text.Json;
using Cairn.Data.Formats;
using Cairn.Data.Reading;
using Cairn.Data.Tables;

namespace Cairn.Cli.Commands;

/// <summary>Reads the records of <c>cairn predict</c> from --record, --input (.json/.jsonl) or --csv as one JSON array.</summary>
internal static class PredictInput
{
    public static async Task<JsonElement> ReadAsync(string? record, FileInfo? input, FileInfo? csv, CancellationToken cancellationToken)
    {
        var given = (record is null ? 0 : 1) + (input is null ? 0 : 1) + (csv is null ? 0 : 1);
        if (given != 1)
        {
            throw new CliUsageException("Give exactly one of --record '{json}', --input file.json|file.jsonl or --csv file.csv.");
        }

        if (record is not null)
        {
            return Parse(record, "--record");
        }

        var file = input ?? csv!;
        if (!file.Exists)
        {
            throw new CliUsageException($"{(input is null ? "--csv" : "--input")}: the file '{file.FullName}' does not exist.");
        }

        if (csv is not null)
        {
            return ToJson(await TableReader.ReadFileAsync(csv.FullName, DataFormat.Csv, cancellationToken: cancellationToken));
        }

        var text = await File.ReadAllTextAsync(file.FullName, cancellationToken);
        if (file.Extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) || file.Extension.Equals(".ndjson", StringComparison.OrdinalIgnoreCase))
        {
            var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            return Parse("[" + string.Join(",", lines) + "]", "--input");
        }

        return Parse(text, "--input");
    }

    private static JsonElement Parse(string json, string option)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var valid = root.ValueKind == JsonValueKind.Object
                || (root.ValueKind == JsonValueKind.Array && root.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object));
            return valid ? root.Clone() : throw new CliUsageException($"{option} must be a JSON object or an array of objects (feature name to value).");
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"{option} is not valid JSON: {e.Message}");
        }
    }

    /// <summary>The records (one object or an array) with only the <paramref name="keep"/> fields, and the names of the fields left out.</summary>
    public static (JsonElement Records, IReadOnlyList<string> Dropped) KeepOnly(JsonElement records, IReadOnlySet<string> keep)
    {
        var dropped = new SortedSet<string>(StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            void Write(JsonElement record)
            {
                if (record.ValueKind != JsonValueKind.Object)
                {
                    record.WriteTo(json);
                    return;
                }

                json.WriteStartObject();
                foreach (var field in record.EnumerateObject())
                {
                    if (keep.Contains(field.Name))
                    {
                        field.WriteTo(json);
                    }
                    else
                    {
                        dropped.Add(field.Name);
                    }
                }

                json.WriteEndObject();
            }

            if (records.ValueKind == JsonValueKind.Array)
            {
                json.WriteStartArray();
                foreach (var record in records.EnumerateArray())
                {
                    Write(record);
                }

                json.WriteEndArray();
            }
            else
            {
                Write(records);
            }
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return (document.RootElement.Clone(), [.. dropped]);
    }

    /// <summary>CSV rows as JSON objects; typed by inference, so numbers go as numbers and missing cells are omitted.</summary>
    private static JsonElement ToJson(DataTable table)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            for (var row = 0; row < table.RowCount; row++)
            {
                json.WriteStartObject();
                foreach (var column in table.Columns.Where(c => !c.IsMissing(row)))
                {
                    switch (column.Schema.Type)
                    {
                        case ColumnType.Numeric: json.WriteNumber(column.Name, column.Numbers![row]); break;
                        case ColumnType.Boolean: json.WriteBoolean(column.Name, column.Booleans![row]!.Value); break;
                        case ColumnType.DateTime: json.WriteString(column.Name, column.Times![row]!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)); break;
                        default: json.WriteString(column.Name, column.Strings![row]); break;
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(buffer.ToArray()));
        return document.RootElement.Clone();
    }
}
