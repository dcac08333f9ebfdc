namespace Cairn.Core.Monitoring;

/// <summary>
/// The drift verdict of one column (a feature or the prediction): the test Evidently would choose
/// (or an override), its statistic, and the distributions compared, binned for reports.
/// </summary>
public sealed record ColumnDrift
{
    public required string Column { get; init; }

    /// <summary><c>numeric</c> or <c>categorical</c> (booleans and numeric columns with ≤ 5 distinct values count as categorical for the test choice).</summary>
    public required string Type { get; init; }

    /// <summary>The test: <c>ks</c>, <c>chisquare</c>, <c>z</c>, <c>wasserstein</c>, <c>jensenshannon</c>, <c>psi</c>.</summary>
    public required string Method { get; init; }

    /// <summary>What is compared with the threshold: the p-value of a p-value test, else the distance.</summary>
    public required double Score { get; init; }

    /// <summary>The test statistic itself (KS D, χ², z, distance).</summary>
    public double Statistic { get; init; }

    public required double Threshold { get; init; }

    /// <summary>True when the score is a p-value (drift when below the threshold), false for distances (drift when at or above).</summary>
    public bool IsPValue { get; init; }

    public required bool Drifted { get; init; }

    public long ReferenceCount { get; init; }

    public long CurrentCount { get; init; }

    /// <summary>Mean and standard deviation of the reference (numeric), for the mean ± std band of reports.</summary>
    public double? ReferenceMean { get; init; }

    public double? ReferenceStd { get; init; }

    public double? CurrentMean { get; init; }

    /// <summary>Bins shared by both histograms: numeric edges (count + 1 values) or category names.</summary>
    public IReadOnlyList<double>? BinEdges { get; init; }

    public IReadOnlyList<string>? Categories { get; init; }

    public IReadOnlyList<long> ReferenceCounts { get; init; } = [];

    public IReadOnlyList<long> CurrentCounts { get; init; } = [];

    /// <summary>Why the column was not tested (e.g. no current values); null when it was.</summary>
    public string? Skipped { get; init; }
}
