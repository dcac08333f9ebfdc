using Cairn.Core.Errors;

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

    /// <summary>
    /// Rejects unknown methods, KS/Wasserstein for categorical columns, thresholds that are not finite
    /// and ≥ 0, and a drift share outside (0, 1], naming the field (call it when a configuration is saved).
    /// </summary>
    /// <exception cref="CairnException">INVALID_PARAMETER_VALUE.</exception>
    public void Validate()
    {
        CheckMethod("method", Method);
        CheckMethod("numeric_method", NumericMethod);
        CheckMethod("categorical_method", CategoricalMethod);
        if (CategoricalMethod is not null && DriftMethods.NeedsNumbers(CategoricalMethod))
        {
            throw Invalid($"drift.categorical_method '{CategoricalMethod}' needs numeric values; use chisquare, z, jensenshannon or psi");
        }

        CheckThreshold("threshold", Threshold);
        CheckThreshold("numeric_threshold", NumericThreshold);
        CheckThreshold("categorical_threshold", CategoricalThreshold);
        foreach (var (column, value) in PerColumn)
        {
            CheckMethod($"per_column.{column}.method", value.Method);
            CheckThreshold($"per_column.{column}.threshold", value.Threshold);
        }

        if (!(DriftShare > 0 && DriftShare <= 1))
        {
            throw Invalid($"drift.drift_share must be in (0, 1], got {DriftShare}");
        }
    }

    private static void CheckMethod(string field, string? method)
    {
        if (method is not null && !DriftMethods.IsKnown(method))
        {
            throw Invalid($"drift.{field} '{method}' is not one of {string.Join(", ", DriftMethods.All)}");
        }
    }

    private static void CheckThreshold(string field, double? threshold)
    {
        if (threshold is { } value && !(double.IsFinite(value) && value >= 0))
        {
            throw Invalid($"drift.{field} must be a finite number >= 0, got {value}");
        }
    }

    private static CairnException Invalid(string message) => new(ErrorCode.InvalidParameterValue, message);
}

public sealed record ColumnDriftOverride(string? Method, double? Threshold);
