using Cairn.Data.Tables;

namespace Cairn.Data.Profiling;

/// <summary>
/// Statistics of one column. Counts are exact. Numeric statistics (min, max, mean, sample standard
/// deviation) are exact (Welford). Quantiles and histogram counts are exact while the column has at
/// most the exact-distinct bound of values or the sample holds every value; otherwise they come
/// from the sample and <see cref="Approximate"/> is true. Quantiles interpolate linearly (numpy's default).
/// </summary>
public sealed record ColumnProfile
{
    public required string Name { get; init; }

    public required ColumnType Type { get; init; }

    /// <summary>Non-missing values.</summary>
    public long Count { get; init; }

    public long Missing { get; init; }

    public double MissingRate { get; init; }

    public long Distinct { get; init; }

    /// <summary>True when <see cref="Distinct"/> is a HyperLogLog estimate (beyond the exact bound).</summary>
    public bool DistinctIsEstimate { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    public double? Mean { get; init; }

    /// <summary>Sample standard deviation (n - 1 in the denominator), as pandas reports it.</summary>
    public double? Std { get; init; }

    public Quantiles? Quantiles { get; init; }

    public Histogram? Histogram { get; init; }

    /// <summary>Whether quantiles and histogram were estimated from the sample rather than exact.</summary>
    public bool Approximate { get; init; }

    public DateTime? MinTime { get; init; }

    public DateTime? MaxTime { get; init; }

    /// <summary>The most frequent values (up to 20), most frequent first.</summary>
    public IReadOnlyList<CategoryCount>? TopCategories { get; init; }

    /// <summary>Every category with its count (categorical and boolean columns), most frequent first: the drift reference.</summary>
    public IReadOnlyList<CategoryCount>? CategoryCounts { get; init; }

    /// <summary>Numeric columns: a seeded uniform sample of the values (all of them when they fit): the drift reference.</summary>
    public IReadOnlyList<double>? Sample { get; init; }
}
