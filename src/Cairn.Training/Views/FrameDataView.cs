using Microsoft.ML;

namespace Cairn.Training.Views;

/// <summary>
/// An IDataView over a frame's typed arrays: no per-row reflection or boxing, the getters index
/// the arrays directly. Rows are served in order (trainers that need shuffling shuffle themselves).
/// </summary>
internal sealed class FrameDataView(ViewLayout layout, ViewFrame frame) : IDataView
{
    public bool CanShuffle => false;

    public DataViewSchema Schema => layout.Schema;

    public long? GetRowCount() => frame.RowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new FrameRow(layout, frame);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [new FrameRow(layout, frame)];
}
