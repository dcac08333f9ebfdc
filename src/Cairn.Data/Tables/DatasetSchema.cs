namespace Cairn.Data.Tables;

/// <summary>The columns of a dataset, in file order.</summary>
public sealed record DatasetSchema(IReadOnlyList<ColumnSchema> Columns)
{
    public ColumnSchema? Find(string name) => Columns.FirstOrDefault(c => c.Name == name);
}
