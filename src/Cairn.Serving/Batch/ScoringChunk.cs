using Cairn.Data.Tables;

namespace Cairn.Serving.Batch;

/// <summary>
/// One chunk of input rows, column by column: model features parsed to their signature types (what the
/// scorer reads and what the output keeps), other columns kept as text.
/// </summary>
internal sealed class ScoringChunk
{
    private readonly int _capacity;

    public ScoringChunk(IReadOnlyList<ChunkColumn> plan, int capacity)
    {
        _capacity = capacity;
        Columns = [.. plan.Select(New)];
    }

    /// <summary>Parallel to the plan's columns.</summary>
    public DataColumn[] Columns { get; private set; }

    /// <summary>A column the plan gained while this chunk was filling (a JSON key first seen late): earlier rows lack it.</summary>
    public void Add(ChunkColumn column) => Columns = [.. Columns, New(column)];

    private DataColumn New(ChunkColumn column)
    {
        var schema = new ColumnSchema(column.Name, column.Type) { Nullable = true };
        switch (column.Type)
        {
            case ColumnType.Numeric:
                var numbers = new double[_capacity];
                numbers.AsSpan().Fill(double.NaN);
                return new DataColumn { Schema = schema, Numbers = numbers };
            case ColumnType.Boolean:
                return new DataColumn { Schema = schema, Booleans = new bool?[_capacity] };
            case ColumnType.DateTime:
                return new DataColumn { Schema = schema, Times = new DateTime?[_capacity] };
            default:
                return new DataColumn { Schema = schema, Strings = new string?[_capacity] };
        }
    }

    public int Count { get; set; }

    /// <summary>The 1-based number of the chunk's first row in the input.</summary>
    public long FirstRow { get; init; }

    /// <summary>The model's features as a table for the scorer (absent ones stay all-missing).</summary>
    public DataTable ToTable(IReadOnlyList<ChunkColumn> plan) =>
        new([.. Columns.Where((_, i) => plan[i].IsFeature)]);

    /// <summary>Shrinks the last, partly filled chunk so every column is exactly <see cref="Count"/> long.</summary>
    public void Trim()
    {
        if (Count == Columns.FirstOrDefault()?.Length)
        {
            return;
        }

        Columns = [.. Columns.Select(c => new DataColumn
        {
            Schema = c.Schema,
            Numbers = c.Numbers?[..Count],
            Booleans = c.Booleans?[..Count],
            Times = c.Times?[..Count],
            Strings = c.Strings?[..Count],
        })];
    }
}

/// <summary>
/// One column of the chunks: its name, its index in the source rows (-1 while absent), its type, whether
/// the model reads it and whether it is copied to the output (every input column seen before the first
/// chunk was written; the output schema is fixed from then on).
/// </summary>
internal sealed class ChunkColumn(string name, ColumnType type, bool isFeature)
{
    public string Name { get; } = name;

    public ColumnType Type { get; } = type;

    public bool IsFeature { get; } = isFeature;

    public int Source { get; set; } = -1;

    public bool InOutput { get; set; }
}
