using System.Globalization;
using System.Text;
using Cairn.Data.Formats;
using Cairn.Data.Reading;
using Cairn.Data.Tables;
using Cairn.Data.Writing;

namespace Cairn.Data.Profiling;

/// <summary>Infers a schema and computes a profile, from a file (streaming) or from a table in memory (for example a training set).</summary>
public static class DatasetProfiler
{
    public static async Task<(DatasetSchema Schema, DatasetProfile Profile)> ProfileAsync(Stream data, DataFormat format,
        ProfileOptions? options = null, DataReadOptions? read = null, CancellationToken cancellationToken = default)
    {
        var builder = new ProfileBuilder(options);
        await RecordSource.ReadAsync(data, format, builder, read, cancellationToken);
        return builder.Finish();
    }

    /// <summary>Profiles a table keeping its schema (types are not inferred again).</summary>
    public static DatasetProfile Profile(DataTable table, ProfileOptions? options = null)
    {
        options ??= ProfileOptions.Default;
        var columns = new List<ColumnProfile>(table.Columns.Count);
        var buffer = new byte[256];
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            var accumulator = new ColumnAccumulator(column.Name, options, (ulong)options.SampleSeed ^ ((ulong)(c + 1) * 0x9E3779B97F4A7C15UL));
            var dateOnly = column.Times?.All(t => t is null || t.Value.TimeOfDay == TimeSpan.Zero) ?? false;
            for (var row = 0; row < table.RowCount; row++)
            {
                if (column.IsMissing(row))
                {
                    accumulator.Add(default);
                    continue;
                }

                var text = column.Schema.Type switch
                {
                    ColumnType.Numeric => null,
                    ColumnType.Boolean => column.Booleans![row]!.Value ? "true" : "false",
                    ColumnType.DateTime => CsvTableWriter.FormatTime(column.Times![row]!.Value, dateOnly),
                    _ => column.Strings![row]!,
                };
                if (text is null)
                {
                    column.Numbers![row].TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture);
                    accumulator.Add(buffer.AsSpan(0, written));
                }
                else
                {
                    if (buffer.Length < Encoding.UTF8.GetMaxByteCount(text.Length))
                    {
                        buffer = new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
                    }

                    accumulator.Add(buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer)));
                }
            }

            columns.Add(accumulator.Finish(table.RowCount, column.Schema).Profile);
        }

        return new DatasetProfile { RowCount = table.RowCount, Columns = columns, SampleCapacity = options.SampleCapacity, SampleSeed = options.SampleSeed };
    }
}
