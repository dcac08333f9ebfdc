using System.Text;
using Cairn.Core.Errors;
using Cairn.Data.Reading;
using Cairn.Data.Tables;
using Cairn.Data.Values;
using Cairn.Training.Bundles;

namespace Cairn.Serving.Batch;

/// <summary>
/// Receives the rows a Cairn.Data reader streams and cuts them into chunks: model features are parsed
/// straight from the UTF-8 cells into their signature types (no string per number), other columns are
/// kept as text. A full chunk is handed to <c>emit</c>, which may block to bound memory.
/// </summary>
internal sealed class ChunkSink : IRecordSink
{
    private readonly List<ChunkColumn> _plan = [];
    private readonly Dictionary<string, ChunkColumn> _byName = new(StringComparer.Ordinal);
    private readonly List<Dictionary<string, string>> _pools = [];
    private readonly int _chunkSize;
    private readonly Action<ScoringChunk> _emit;
    private ScoringChunk? _current;
    private long _rows;
    private int _sourceColumns;
    private bool _frozen;

    public ChunkSink(IReadOnlyList<SignatureField> inputs, int chunkSize, Action<ScoringChunk> emit)
    {
        _chunkSize = chunkSize;
        _emit = emit;
        foreach (var input in inputs)
        {
            var (name, type) = FeatureColumn(input);
            if (!_byName.ContainsKey(name))
            {
                Track(new ChunkColumn(name, type, isFeature: true));
            }
        }
    }

    /// <summary>Every column in output order (input columns as first seen; features absent from the input are not output).</summary>
    public IReadOnlyList<ChunkColumn> Plan => _plan;

    public long Rows => _rows;

    public void OnColumns(IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            See(name);
        }
    }

    public void OnColumnAdded(string name) => See(name);

    public void OnRecord(in Record record)
    {
        var chunk = _current ??= new ScoringChunk(_plan, _chunkSize) { FirstRow = _rows + 1 };
        var row = chunk.Count;
        for (var c = 0; c < _plan.Count; c++)
        {
            var column = _plan[c];
            if (column.Source < 0)
            {
                continue;
            }

            var cell = record[column.Source];
            var target = chunk.Columns[c];
            if (MissingValues.IsMissing(cell))
            {
                if (column.Type == ColumnType.Numeric)
                {
                    target.Numbers![row] = double.NaN;
                }

                continue;
            }

            switch (column.Type)
            {
                case ColumnType.Numeric:
                    target.Numbers![row] = CellParser.TryNumber(cell, out var number) ? number : throw Invalid(column, record.Row, cell, "a number");
                    break;
                case ColumnType.Boolean:
                    target.Booleans![row] = CellParser.TryBoolean(cell, out var flag) ? flag : throw Invalid(column, record.Row, cell, "true or false");
                    break;
                case ColumnType.DateTime:
                    target.Times![row] = CellParser.TryDateTime(cell, out var time, out _) ? time : throw Invalid(column, record.Row, cell, "an ISO 8601 date");
                    break;
                default:
                    target.Strings![row] = Intern(c, cell);
                    break;
            }
        }

        chunk.Count++;
        _rows++;
        if (chunk.Count == _chunkSize)
        {
            Emit();
        }
    }

    /// <summary>Hands over the last, partly filled chunk.</summary>
    public void Complete()
    {
        if (_current is { Count: > 0 })
        {
            Emit();
        }
    }

    private void Emit()
    {
        var chunk = _current!;
        _current = null;
        _frozen = true;
        chunk.Trim();
        _emit(chunk);
    }

    /// <summary>The next source column (readers number columns in the order they announce them).</summary>
    private void See(string name)
    {
        var source = _sourceColumns++;
        if (_byName.TryGetValue(name, out var column))
        {
            column.Source = source;
            column.InOutput |= !_frozen;
            return;
        }

        // A column first seen after the output schema was fixed is not copied (JSON keys can appear late).
        if (!_frozen)
        {
            Track(new ChunkColumn(name, ColumnType.Text, isFeature: false) { Source = source, InOutput = true });
        }
    }

    private void Track(ChunkColumn column)
    {
        _plan.Add(column);
        _byName[column.Name] = column;
        _pools.Add(new Dictionary<string, string>(StringComparer.Ordinal));
        _current?.Add(column);
    }

    /// <summary>Repeated values (categories, dates) share one string per column, up to a bound.</summary>
    private string Intern(int column, ReadOnlySpan<byte> cell)
    {
        var pool = _pools[column];
        var text = Encoding.UTF8.GetString(cell);
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

    private static CairnException Invalid(ChunkColumn column, long row, ReadOnlySpan<byte> cell, string expected) =>
        CairnException.InvalidParameter(
            $"Column '{column.Name}', row {row}: '{Encoding.UTF8.GetString(cell)}' is not {expected} as the model's input signature requires ({column.Type}).");

    /// <summary>The table column a signature input reads, and its type (ONNX tensors map to the tabular type they come from).</summary>
    internal static (string Name, ColumnType Type) FeatureColumn(SignatureField input)
    {
        if (input.SourceColumn is { Length: > 0 } source)
        {
            return (source, ColumnType.DateTime);
        }

        var type = input.Type.ToLowerInvariant() switch
        {
            "numeric" or "tensor(float)" or "tensor(double)" or "tensor(int64)" or "tensor(int32)" => ColumnType.Numeric,
            "boolean" or "tensor(bool)" => ColumnType.Boolean,
            "datetime" => ColumnType.DateTime,
            "categorical" => ColumnType.Categorical,
            _ => ColumnType.Text,
        };
        return (input.Name, type);
    }
}
