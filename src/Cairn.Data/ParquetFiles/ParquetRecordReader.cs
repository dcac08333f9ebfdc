using Cairn.Core.Errors;
using Cairn.Data.Reading;
using Parquet;
using Parquet.Schema;

namespace Cairn.Data.ParquetFiles;

/// <summary>
/// Streams a Parquet file into a sink row by row, one row group at a time: each column of the group is
/// read into a typed array, then every row's cells are formatted as text (numbers in shortest
/// round-trip form, times as ISO 8601), which is what every sink consumes. Needs a seekable stream.
/// </summary>
internal static class ParquetRecordReader
{
    public static async Task<long> ReadAsync(Stream stream, IRecordSink sink, CancellationToken cancellationToken)
    {
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw CairnException.InvalidParameter($"Malformed Parquet file: {e.Message}");
        }

        await using var _ = reader;
        var fields = reader.Schema.GetDataFields();
        if (fields.Any(f => f.IsArray) || reader.Schema.Fields.Count != fields.Length)
        {
            throw CairnException.InvalidParameter("Unsupported Parquet file: nested, list and map columns are not supported (flat columns only).");
        }

        sink.OnColumns([.. fields.Select(f => f.Name)]);
        var builder = new RowBuilder();
        long row = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            var columns = new ParquetColumn[fields.Length];
            for (var c = 0; c < fields.Length; c++)
            {
                columns[c] = ParquetColumn.For(fields[c]);
                await columns[c].LoadAsync(group, count, cancellationToken);
            }

            for (var r = 0; r < count; r++)
            {
                builder.Reset(fields.Length);
                for (var c = 0; c < columns.Length; c++)
                {
                    columns[c].Write(r, builder, c);
                }

                row++;
                sink.OnRecord(builder.ToRecord(row, row));
            }
        }

        return row;
    }
}
