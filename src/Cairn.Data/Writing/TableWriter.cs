using System.Text.Json;
using Cairn.Data.Formats;
using Cairn.Data.Tables;

namespace Cairn.Data.Writing;

/// <summary>Writes a table in any supported format.</summary>
public static class TableWriter
{
    public static Task WriteAsync(DataTable table, Stream stream, DataFormat format, CancellationToken cancellationToken) => format switch
    {
        DataFormat.Csv => CsvTableWriter.WriteAsync(table, stream, cancellationToken),
        DataFormat.Parquet => ParquetTableWriter.WriteAsync(table, stream, cancellationToken),
        DataFormat.JsonLines => WriteJsonLinesAsync(table, stream, cancellationToken),
        _ => throw new NotSupportedException($"Writing {DataFormats.Name(format)} is not supported; use csv, parquet or jsonl."),
    };

    public static async Task WriteFileAsync(DataTable table, string path, DataFormat? format = null, CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        await WriteAsync(table, file, format ?? DataFormats.Resolve(null, path), cancellationToken);
    }

    /// <summary>One object per row; missing values are omitted keys.</summary>
    private static async Task WriteJsonLinesAsync(DataTable table, Stream stream, CancellationToken cancellationToken)
    {
        var dateOnly = table.Columns.Select(c => c.Times?.All(t => t is null || t.Value.TimeOfDay == TimeSpan.Zero) ?? false).ToArray();
        using var buffer = new MemoryStream();
        for (var row = 0; row < table.RowCount; row++)
        {
            await using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var column = table.Columns[c];
                    if (column.IsMissing(row))
                    {
                        continue;
                    }

                    switch (column.Schema.Type)
                    {
                        case ColumnType.Numeric: json.WriteNumber(column.Name, column.Numbers![row]); break;
                        case ColumnType.Boolean: json.WriteBoolean(column.Name, column.Booleans![row]!.Value); break;
                        case ColumnType.DateTime: json.WriteString(column.Name, CsvTableWriter.FormatTime(column.Times![row]!.Value, dateOnly[c])); break;
                        default: json.WriteString(column.Name, column.Strings![row]); break;
                    }
                }

                json.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
            if (buffer.Length > 1 << 16 || row == table.RowCount - 1)
            {
                await stream.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
                buffer.SetLength(0);
            }
        }

        await stream.FlushAsync(cancellationToken);
    }
}
