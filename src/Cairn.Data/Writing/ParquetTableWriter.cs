using Cairn.Data.Tables;
using Parquet;
using Parquet.Schema;

namespace Cairn.Data.Writing;

/// <summary>
/// Writes a table as Parquet: numeric columns as nullable doubles (NaN is written as null), booleans,
/// UTC timestamps and strings, in row groups of up to a million rows.
/// </summary>
public static class ParquetTableWriter
{
    private const int RowGroupSize = 1_000_000;

    public static async Task WriteAsync(DataTable table, Stream stream, CancellationToken cancellationToken)
    {
        var fields = table.Columns.Select(Field).ToArray();
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: cancellationToken);
        for (var start = 0; start < Math.Max(table.RowCount, 1); start += RowGroupSize)
        {
            var count = Math.Min(RowGroupSize, table.RowCount - start);
            using var group = writer.CreateRowGroup();
            for (var c = 0; c < fields.Length; c++)
            {
                await WriteColumnAsync(group, fields[c], table.Columns[c], start, count, cancellationToken);
            }
        }
    }

    private static DataField Field(DataColumn column) => column.Schema.Type switch
    {
        ColumnType.Numeric => new DataField<double?>(column.Name),
        ColumnType.Boolean => new DataField<bool?>(column.Name),
        ColumnType.DateTime => new DataField<DateTime?>(column.Name),
        _ => new DataField<string>(column.Name),
    };

    private static async Task WriteColumnAsync(ParquetRowGroupWriter group, DataField field, DataColumn column, int start, int count, CancellationToken cancellationToken)
    {
        switch (column.Schema.Type)
        {
            case ColumnType.Numeric:
                var numbers = column.Numbers!.AsSpan(start, count).ToArray().Select(v => double.IsNaN(v) ? (double?)null : v).ToArray();
                await group.WriteAsync<double>(field, numbers.AsMemory(), null, null, cancellationToken);
                break;
            case ColumnType.Boolean:
                await group.WriteAsync<bool>(field, column.Booleans!.AsMemory(start, count), null, null, cancellationToken);
                break;
            case ColumnType.DateTime:
                var times = column.Times!.AsSpan(start, count).ToArray()
                    .Select(t => t is { } v ? DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc) : (DateTime?)null).ToArray();
                await group.WriteAsync<DateTime>(field, times.AsMemory(), null, null, cancellationToken);
                break;
            default:
                await group.WriteAsync(field, column.Strings!.AsSpan(start, count).ToArray()!, null);
                break;
        }
    }
}
