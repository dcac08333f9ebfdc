using System.Globalization;
using System.Text;
using Cairn.Data.Tables;

namespace Cairn.Data.Writing;

/// <summary>
/// Writes a table as RFC 4180 CSV (UTF-8, no BOM, LF line ends, header row): numbers in shortest
/// round-trip form, missing values as empty cells, dates as yyyy-MM-dd when every value is a whole
/// day (else ISO 8601 UTC), fields quoted only when they must be.
/// </summary>
public static class CsvTableWriter
{
    public static async Task WriteAsync(DataTable table, Stream stream, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        await writer.WriteLineAsync(string.Join(',', table.Columns.Select(c => Quote(c.Name))));
        var dateOnly = table.Columns.Select(c => c.Times?.All(t => t is null || t.Value.TimeOfDay == TimeSpan.Zero) ?? false).ToArray();
        var line = new StringBuilder();
        for (var row = 0; row < table.RowCount; row++)
        {
            line.Clear();
            for (var c = 0; c < table.Columns.Count; c++)
            {
                if (c > 0)
                {
                    line.Append(',');
                }

                line.Append(Cell(table.Columns[c], row, dateOnly[c]));
            }

            await writer.WriteLineAsync(line, cancellationToken);
        }
    }

    internal static string Cell(DataColumn column, int row, bool dateOnly) => column.Schema.Type switch
    {
        ColumnType.Numeric => double.IsNaN(column.Numbers![row]) ? "" : column.Numbers[row].ToString("R", CultureInfo.InvariantCulture),
        ColumnType.Boolean => column.Booleans![row] is { } b ? (b ? "true" : "false") : "",
        ColumnType.DateTime => column.Times![row] is { } t ? FormatTime(t, dateOnly) : "",
        _ => column.Strings![row] is { } s ? Quote(s) : "",
    };

    internal static string FormatTime(DateTime time, bool dateOnly) =>
        dateOnly
            ? time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string Quote(string value) =>
        value.Length > 0 && value.AsSpan().IndexOfAny(",\"\r\n") < 0 && value[0] != ' ' && value[^1] != ' '
            ? value
            : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
