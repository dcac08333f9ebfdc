namespace Cairn.Monitoring.Drift;

/// <summary>
/// Overrides of Evidently's defaults (null = default): one method/threshold for every column, per
/// column type, or per column (the most specific wins), and the dataset-level drift share.
/// Methods: ks, chisquare, z, wasserstein, jensenshannon, psi.
/// </summary>
public sealed record DriftOptions
{
    public static DriftOptions Default { get; } = new();

    public string? Method { get; init; }

    public double? Threshold { get; init; }

    public string? NumericMethod { get; init; }

    public double? NumericThreshold { get; init; }

    public string? CategoricalMethod { get; init; }

    public double? CategoricalThreshold { get; init; }

    public IReadOnlyDictionary<string, ColumnDriftOverride> PerColumn { get; init; } = new Dictionary<string, ColumnDriftOverride>();

    public double DriftShare { get; init; } = 0.5;
}

public sealed record ColumnDriftOverride(string? Method, double? Threshold);
