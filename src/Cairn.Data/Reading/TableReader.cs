using Cairn.Core.Errors;
using Cairn.Data.Formats;
using Cairn.Data.Profiling;
using Cairn.Data.Tables;
using Cairn.Data.Values;

namespace Cairn.Data.Reading;

/// <summary>
/// Reads a whole file into a column-oriented <see cref="DataTable"/> (what training consumes). The
/// schema is inferred in the same pass unless one is given (for example the dataset version's stored
/// schema, so every reader of a version sees the same types).
/// </summary>
public static class TableReader
{
    public static async Task<DataTable> ReadAsync(Stream stream, DataFormat format, DatasetSchema? schema = null,
        DataReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sink = new Collector(schema is null ? new ProfileBuilder() : null);
        await RecordSource.ReadAsync(stream, format, sink, options, cancellationToken);
        var effective = schema ?? sink.Profile!.Finish().Schema;
        var columns = new List<DataColumn>(effective.Columns.Count);
        foreach (var column in effective.Columns)
        {
            var index = sink.Names.IndexOf(column.Name);
            if (index < 0)
            {
                throw CairnException.InvalidParameter($"The data has no column '{column.Name}' that the schema requires.");
            }

            columns.Add(Convert(column, sink.Values[index]));
        }

        return new DataTable(columns);
    }

    public static async Task<DataTable> ReadFileAsync(string path, DataFormat? format = null, DatasetSchema? schema = null,
        CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await ReadAsync(file, format ?? DataFormats.Resolve(null, path), schema, null, cancellationToken);
    }

    private static DataColumn Convert(ColumnSchema schema, List<string?> values)
    {
        switch (schema.Type)
        {
            case ColumnType.Numeric:
                var numbers = new double[values.Count];
                for (var i = 0; i < numbers.Length; i++)
                {
                    numbers[i] = values[i] is { } s ? Parse<double>(schema, i, s, static (b, out v) => CellParser.TryNumber(b, out v), "a number") : double.NaN;
                }

                return new DataColumn { Schema = schema, Numbers = numbers };
            case ColumnType.Boolean:
                var booleans = new bool?[values.Count];
                for (var i = 0; i < booleans.Length; i++)
                {
                    booleans[i] = values[i] is { } s ? Parse<bool>(schema, i, s, static (b, out v) => CellParser.TryBoolean(b, out v), "true or false") : null;
                }

                return new DataColumn { Schema = schema, Booleans = booleans };
            case ColumnType.DateTime:
                var times = new DateTime?[values.Count];
                for (var i = 0; i < times.Length; i++)
                {
                    times[i] = values[i] is { } s ? Parse<DateTime>(schema, i, s, static (b, out v) => CellParser.TryDateTime(b, out v, out _), "an ISO 8601 date") : null;
                }

                return new DataColumn { Schema = schema, Times = times };
            default:
                return new DataColumn { Schema = schema, Strings = [.. values] };
        }
    }

    private delegate bool CellParse<T>(ReadOnlySpan<byte> value, out T result);

    private static T Parse<T>(ColumnSchema schema, int row, string text, CellParse<T> parse, string expected) =>
        parse(System.Text.Encoding.UTF8.GetBytes(text), out var value)
            ? value
            : throw CairnException.InvalidParameter($"Column '{schema.Name}', row {row + 1}: '{text}' is not {expected} as the schema requires ({schema.Type}).");

    /// <summary>Keeps every cell as text (null when missing); repeated values share one string per column.</summary>
    private sealed class Collector(ProfileBuilder? profile) : IRecordSink
    {
        private readonly List<Dictionary<string, string>> _pools = [];

        public ProfileBuilder? Profile { get; } = profile;

        public List<string> Names { get; } = [];

        public List<List<string?>> Values { get; } = [];

        private long _rows;

        public void OnColumns(IReadOnlyList<string> names)
        {
            Profile?.OnColumns(names);
            foreach (var name in names)
            {
                Add(name);
            }
        }

        public void OnColumnAdded(string name)
        {
            Profile?.OnColumnAdded(name);
            Add(name);
        }

        public void OnRecord(in Record record)
        {
            Profile?.OnRecord(record);
            _rows++;
            for (var i = 0; i < Values.Count; i++)
            {
                var cell = record[i];
                Values[i].Add(MissingValues.IsMissing(cell) ? null : Intern(i, cell));
            }
        }

        private void Add(string name)
        {
            Names.Add(name);
            Values.Add([.. Enumerable.Repeat<string?>(null, (int)_rows)]);
            _pools.Add(new Dictionary<string, string>(StringComparer.Ordinal));
        }

        private string Intern(int column, ReadOnlySpan<byte> cell)
        {
            var pool = _pools[column];
            var text = System.Text.Encoding.UTF8.GetString(cell);
            if (pool.Count >= 4096)
            {
                return text;
            }

            if (!pool.TryGetValue(text, out var shared))
            {
                pool[text] = shared = text;
            }

            return shared;
        }
    }
}
