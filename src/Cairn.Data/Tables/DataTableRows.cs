namespace Cairn.Data.Tables;

/// <summary>Row subsets of a table (splits, batches), keeping the schema.</summary>
public static class DataTableRows
{
    public static DataTable SelectRows(this DataTable table, IReadOnlyList<int> rows) =>
        new([.. table.Columns.Select(c => new DataColumn
        {
            Schema = c.Schema,
            Numbers = c.Numbers is { } n ? [.. rows.Select(r => n[r])] : null,
            Strings = c.Strings is { } s ? [.. rows.Select(r => s[r])] : null,
            Booleans = c.Booleans is { } b ? [.. rows.Select(r => b[r])] : null,
            Times = c.Times is { } t ? [.. rows.Select(r => t[r])] : null,
        })]);
}
