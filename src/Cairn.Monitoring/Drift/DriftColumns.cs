using Cairn.Data.Profiling;
using Cairn.Data.Tables;

namespace Cairn.Monitoring.Drift;

/// <summary>
/// The reference side of one column: a numeric sample (the training profile's seeded sample) or the
/// category counts, plus the reference row count that Evidently's size rule looks at.
/// Neither set (datetime and text columns) means the column is not drift-tested.
/// </summary>
/// <remarks>The calculator caches a sorted copy of <see cref="Values"/> per array instance, so do not
/// mutate the array after handing it over.</remarks>
public sealed record DriftReferenceColumn
{
    public required string Name { get; init; }

    /// <summary>Non-missing values in the reference data (may exceed the sample's length).</summary>
    public required long RowCount { get; init; }

    /// <summary>Numeric values (null for categorical columns).</summary>
    public double[]? Values { get; init; }

    /// <summary>Category counts (null for numeric columns).</summary>
    public IReadOnlyList<CategoryCount>? Categories { get; init; }

    /// <summary>Builds the reference from a training-profile column (numeric sample or category counts).</summary>
    /// <remarks>Datetime and text columns get neither (Evidently uses the datetime column as the index and
    /// text needs domain classifiers), so the calculator reports them as skipped.</remarks>
    public static DriftReferenceColumn FromProfile(ColumnProfile column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var reference = new DriftReferenceColumn { Name = column.Name, RowCount = column.Count };
        return column.Type switch
        {
            ColumnType.Numeric => reference with { Values = column.Sample is null ? [] : [.. column.Sample] },
            ColumnType.Categorical or ColumnType.Boolean => reference with { Categories = column.CategoryCounts ?? [] },
            _ => reference,
        };
    }
}

/// <summary>The current side of one column, from the prediction log: numbers (NaN = missing) or strings (null = missing).</summary>
/// <remarks>Strings are compared with reference categories ordinally, so format them as Cairn.Data profiles do
/// (<c>CellParser.FormatNumber</c> for numbers, <c>true</c>/<c>false</c> for booleans). Numbers given for a
/// categorical reference are formatted that way; strings given for a numeric reference are parsed (invariant culture).</remarks>
public sealed record DriftCurrentColumn
{
    public required string Name { get; init; }

    public double[]? Values { get; init; }

    public string?[]? Categories { get; init; }
}
