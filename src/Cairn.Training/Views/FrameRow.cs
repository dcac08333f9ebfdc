using Microsoft.ML;
using Microsoft.ML.Data;

namespace Cairn.Training.Views;

/// <summary>
/// A cursor over a frame, and also the reusable input row of a scoring engine: <see cref="MoveTo"/>
/// can point it at any row of any frame. Position only ever grows, because ML.NET's mappers cache
/// computed values per position.
/// </summary>
internal sealed class FrameRow(ViewLayout layout, ViewFrame frame) : DataViewRowCursor
{
    private ViewFrame _frame = frame;
    private int _row = -1;
    private long _position = -1;

    public override long Position => _position;

    public override long Batch => 0;

    public override DataViewSchema Schema => layout.Schema;

    public void MoveTo(ViewFrame frame, int row)
    {
        _frame = frame;
        _row = row;
        _position++;
    }

    public override bool MoveNext()
    {
        if (_row + 1 >= _frame.RowCount)
        {
            return false;
        }

        _row++;
        _position++;
        return true;
    }

    public override bool IsColumnActive(DataViewSchema.Column column) => true;

    public override ValueGetter<DataViewRowId> GetIdGetter() =>
        (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        var view = layout.Columns[column.Index];
        var slot = view.Slot;
        Delegate getter = view.Kind switch
        {
            ViewKind.Float => (ValueGetter<float>)((ref float value) => value = _frame.Floats[slot][_row]),
            ViewKind.Text => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => value = _frame.Texts[slot][_row]),
            ViewKind.Bool => (ValueGetter<bool>)((ref bool value) => value = _frame.Bools[slot][_row]),
            _ => (ValueGetter<uint>)((ref uint value) => value = _frame.Keys[slot][_row]),
        };
        return getter as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Column '{column.Name}' is {view.Kind}, not {typeof(TValue).Name}.");
    }
}
