namespace Cairn.Data.Tables;

/// <summary>An in-memory, column-oriented table: what readers produce and training consumes.</summary>
public sealed class DataTable
{
    public DataTable(IReadOnlyList<DataColumn> columns)
    {
        Columns = columns;
        RowCount = columns.Count == 0 ? 0 : columns[0].Length;
        if (columns.Any(c => c.Length != RowCount))
        {
            throw new ArgumentException("All columns must have the same length.", nameof(columns));
        }
    }

    public IReadOnlyList<DataColumn> Columns { get; }

    public int RowCount { get; }

    public DatasetSchema Schema => new(Columns.Select(c => c.Schema).ToList());

    public DataColumn this[string name] =>
        Columns.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"No column named '{name}'.");
}
