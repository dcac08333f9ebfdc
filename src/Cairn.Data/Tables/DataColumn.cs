namespace Cairn.Data.Tables;

/// <summary>
/// A column of values held in one typed array: <see cref="Numbers"/> for numeric (NaN = missing),
/// <see cref="Strings"/> for categorical and text (null = missing), <see cref="Booleans"/> for boolean,
/// <see cref="Times"/> for date-times (UTC). Exactly one array is set, matching <see cref="Schema"/>.Type.
/// </summary>
public sealed class DataColumn
{
    public required ColumnSchema Schema { get; init; }
    public double[]? Numbers { get; init; }
    public string?[]? Strings { get; init; }
    public bool?[]? Booleans { get; init; }
    public DateTime?[]? Times { get; init; }

    public string Name => Schema.Name;

    public int Length => Numbers?.Length ?? Strings?.Length ?? Booleans?.Length ?? Times?.Length ?? 0;

    public bool IsMissing(int row) => Schema.Type switch
    {
        ColumnType.Numeric => double.IsNaN(Numbers![row]),
        ColumnType.Boolean => Booleans![row] is null,
        ColumnType.DateTime => Times![row] is null,
        _ => Strings![row] is null,
    };
}
