namespace Cairn.Cli.Output;

/// <summary>
/// A plain-text table: columns padded to their widest cell and separated by two spaces, no trailing
/// whitespace, long cells cut with an ellipsis. Good for terminals and for <c>grep</c>/<c>awk</c>.
/// </summary>
public sealed class Table
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = [];

    public Table(params string[] headers)
    {
        _headers = headers;
        _rightAligned = new bool[headers.Length];
    }

    /// <summary>Longest cell shown; longer ones end with "…". The last column is never cut.</summary>
    public int MaxCellWidth { get; init; } = 60;

    /// <summary>False for a key/value listing without a header line.</summary>
    public bool ShowHeader { get; init; } = true;

    public int RowCount => _rows.Count;

    /// <summary>Right-aligns a column (numbers read better that way).</summary>
    public Table AlignRight(int column)
    {
        _rightAligned[column] = true;
        return this;
    }

    public Table AddRow(params string?[] cells)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"A row needs {_headers.Length} cells (got {cells.Length}).", nameof(cells));
        }

        _rows.Add(cells.Select(Clean).ToArray());
        return this;
    }

    public void Write(TextWriter writer)
    {
        var last = _headers.Length - 1;
        var lines = ShowHeader ? _rows.Prepend(_headers).ToList() : _rows;
        var cut = lines.Select(row => row.Select((cell, i) => i == last ? cell : Truncate(cell)).ToArray()).ToList();
        var widths = Enumerable.Range(0, _headers.Length).Select(i => cut.Count == 0 ? 0 : cut.Max(row => row[i].Length)).ToArray();
        foreach (var row in cut)
        {
            var cells = row.Select((cell, i) => _rightAligned[i] ? cell.PadLeft(widths[i]) : i == last ? cell : cell.PadRight(widths[i]));
            writer.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }

    public override string ToString()
    {
        using var writer = new StringWriter();
        Write(writer);
        return writer.ToString();
    }

    // Control characters (a newline in a tag value) would break the grid.
    private static string Clean(string? cell) =>
        cell is null ? string.Empty : string.Concat(cell.Select(c => char.IsControl(c) ? ' ' : c));

    private string Truncate(string cell) =>
        cell.Length <= MaxCellWidth ? cell : string.Concat(cell.AsSpan(0, MaxCellWidth - 1), "…");
}
