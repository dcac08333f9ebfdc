namespace Cairn.Training.Views;

/// <summary>The typed arrays behind a view: one array per view column, grouped by kind.</summary>
internal sealed class ViewFrame
{
    public ViewFrame(int rowCount, int floats, int texts, int bools, int keys)
    {
        RowCount = rowCount;
        Floats = new float[floats][];
        Texts = new ReadOnlyMemory<char>[texts][];
        Bools = new bool[bools][];
        Keys = new uint[keys][];
    }

    public int RowCount { get; }

    public float[][] Floats { get; }

    public ReadOnlyMemory<char>[][] Texts { get; }

    public bool[][] Bools { get; }

    public uint[][] Keys { get; }
}
