namespace Cairn.Data.Reading;

/// <summary>
/// One data row as UTF-8 cells over a shared buffer: valid only during the sink call that receives
/// it, so readers can reuse their buffers and nothing is allocated per cell.
/// </summary>
internal readonly ref struct Record
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly ReadOnlySpan<FieldSpan> _fields;

    public Record(ReadOnlySpan<byte> data, ReadOnlySpan<FieldSpan> fields, long row, long line)
    {
        _data = data;
        _fields = fields;
        Row = row;
        Line = line;
    }

    /// <summary>Number of cells; columns beyond it are missing (JSON objects may omit keys).</summary>
    public int Count => _fields.Length;

    /// <summary>1-based data row number (the header is not a row).</summary>
    public long Row { get; }

    /// <summary>1-based line of the source file where the row starts (the row number for Parquet).</summary>
    public long Line { get; }

    public ReadOnlySpan<byte> this[int index] =>
        index < _fields.Length ? _data.Slice(_fields[index].Start, _fields[index].Length) : default;
}
