using Cairn.Data.Profiling;

namespace Cairn.Monitoring.Drift;

/// <summary>
/// The reference side of one column: a numeric sample (the training profile's seeded sample) or the
/// category counts, plus the reference row count that Evidently's size rule looks at.
/// </summary>
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
    public static DriftReferenceColumn FromProfile(ColumnProfile column) => throw new NotImplementedException();
}

/// <summary>The current side of one column, from the prediction log: numbers (NaN = missing) or strings (null = missing).</summary>
public sealed record DriftCurrentColumn
{
    public required string Name { get; init; }

    public double[]? Values { get; init; }

    public string?[]? Categories { get; init; }
}
