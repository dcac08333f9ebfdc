namespace Cairn.Data.Reading;

/// <summary>
/// Assembles one row's cells into a reusable byte buffer for readers whose input is not already a
/// flat buffer of cells (JSON, Parquet). A column without a value in the row stays empty (missing).
/// </summary>
internal sealed class RowBuilder
{
    private byte[] _data = new byte[4096];
    private FieldSpan[] _fields = new FieldSpan[16];
    private int _length;
    private int _columns;

    public int Columns => _columns;

    public void Reset(int columns)
    {
        _columns = columns;
        if (_fields.Length < columns)
        {
            Array.Resize(ref _fields, Math.Max(columns, _fields.Length * 2));
        }

        Array.Clear(_fields, 0, columns);
        _length = 0;
    }

    /// <summary>Adds an empty column to the row being built (a key first seen in this row).</summary>
    public void AddColumn()
    {
        if (_fields.Length == _columns)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }

        _fields[_columns++] = default;
    }

    /// <summary>Reserves room for a value of up to <paramref name="maxBytes"/> bytes; write it, then <see cref="Commit"/>.</summary>
    public Span<byte> Reserve(int maxBytes)
    {
        if (_data.Length - _length < maxBytes)
        {
            Array.Resize(ref _data, Math.Max(_data.Length * 2, _length + maxBytes));
        }

        return _data.AsSpan(_length);
    }

    public void Commit(int column, int written)
    {
        _fields[column] = new FieldSpan(_length, written);
        _length += written;
    }

    public void Set(int column, ReadOnlySpan<byte> value)
    {
        value.CopyTo(Reserve(value.Length));
        Commit(column, value.Length);
    }

    public Record ToRecord(long row, long line) => new(_data.AsSpan(0, _length), _fields.AsSpan(0, _columns), row, line);
}
