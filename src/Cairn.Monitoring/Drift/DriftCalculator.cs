using Cairn.Core.Errors;
using Cairn.Core.Monitoring;

namespace Cairn.Monitoring.Drift;

/// <summary>Per-column drift tests with Evidently's defaults and its dataset-level rule.</summary>
/// <remarks>
/// Default test (Evidently <c>_get_default_stattest</c>), with nunique counted over reference ∪ current and
/// the size rule on the reference row count: reference ≤ 1000 rows → KS for numeric columns with more
/// than 5 distinct values, else chi-square (nunique &gt; 2) or the z-test; reference &gt; 1000 rows → normed
/// Wasserstein for numeric, Jensen–Shannon otherwise. NaN and ±inf are dropped first. Columns are
/// independent, so they run in parallel; each numeric side is sorted once and reused by every statistic.
/// </remarks>
public static partial class DriftCalculator
{
    /// <summary>Evidently's size rule: the small-reference tests apply up to this many reference rows.</summary>
    public const long SmallReferenceRows = 1000;

    /// <summary>Numeric columns with at most this many distinct values (reference ∪ current) are tested as categories.</summary>
    public const int CategoricalLikeDistinct = 5;

    /// <summary>Histograms for reports: at most this many numeric bins (Sturges rarely needs more than ~20).</summary>
    public const int MaxDisplayBins = 40;

    /// <summary>Histograms for reports: at most this many categories; the rest are summed into <see cref="OtherCategory"/>.</summary>
    public const int MaxDisplayCategories = 30;

    public const string OtherCategory = "(other)";

    /// <summary>Tests every current column that has a reference (columns are matched by name).</summary>
    /// <exception cref="CairnException">INVALID_PARAMETER_VALUE for invalid options or a method that does not fit a column.</exception>
    public static DatasetDrift Compute(IReadOnlyList<DriftReferenceColumn> reference, IReadOnlyList<DriftCurrentColumn> current, DriftOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        options ??= DriftOptions.Default;
        options.Validate();

        var references = new Dictionary<string, DriftReferenceColumn>(StringComparer.Ordinal);
        foreach (var column in reference)
        {
            references.TryAdd(column.Name, column);
        }

        var pairs = new List<(DriftReferenceColumn Reference, DriftCurrentColumn Current)>(current.Count);
        foreach (var column in current)
        {
            if (references.TryGetValue(column.Name, out var match))
            {
                pairs.Add((match, column));
            }
        }

        var results = new ColumnDrift[pairs.Count];
        Parallel.For(0, pairs.Count, i => results[i] = Test(pairs[i].Reference, pairs[i].Current, options));

        int tested = 0, drifted = 0;
        foreach (var result in results)
        {
            if (result.Skipped is null)
            {
                tested++;
                drifted += result.Drifted ? 1 : 0;
            }
        }

        var share = tested == 0 ? 0.0 : (double)drifted / tested;
        return new DatasetDrift
        {
            Columns = results,
            DriftedColumns = drifted,
            Share = share,
            DriftShare = options.DriftShare,
            Drifted = tested > 0 && share >= options.DriftShare,
        };
    }

    /// <summary>Tests one column (the current column is matched with the reference regardless of its name).</summary>
    /// <exception cref="CairnException">INVALID_PARAMETER_VALUE for invalid options or a method that does not fit the column.</exception>
    public static ColumnDrift ComputeColumn(DriftReferenceColumn reference, DriftCurrentColumn current, DriftOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        options ??= DriftOptions.Default;
        options.Validate();
        return Test(reference, current, options);
    }

    private static ColumnDrift Test(DriftReferenceColumn reference, DriftCurrentColumn current, DriftOptions options)
    {
        if (reference.Values is not null)
        {
            return TestNumeric(reference, current, options);
        }

        if (reference.Categories is not null)
        {
            return TestCategorical(reference, current, options);
        }

        return Skip(reference, "categorical", 0, "datetime and text columns are not drift-tested");
    }

    /// <summary>Per column, then per type, then global, then Evidently's default.</summary>
    private static (string Method, double Threshold) Choose(DriftReferenceColumn reference, bool numericColumn, string defaultMethod, DriftOptions options)
    {
        options.PerColumn.TryGetValue(reference.Name, out var column);
        var method = column?.Method ?? (numericColumn ? options.NumericMethod : options.CategoricalMethod) ?? options.Method ?? defaultMethod;
        var threshold = column?.Threshold ?? (numericColumn ? options.NumericThreshold : options.CategoricalThreshold)
            ?? options.Threshold ?? DriftMethods.DefaultThreshold(method);
        return (method, threshold);
    }

    private static ColumnDrift Skip(DriftReferenceColumn reference, string type, long currentCount, string reason) => new()
    {
        Column = reference.Name,
        Type = type,
        Method = "none",
        Score = 0,
        Threshold = 0,
        Drifted = false,
        ReferenceCount = reference.RowCount,
        CurrentCount = currentCount,
        Skipped = reason,
    };

    private static CairnException Unfit(string column, string method) =>
        new(ErrorCode.InvalidParameterValue, $"drift method '{method}' needs numeric values but column '{column}' is categorical; use chisquare, z, jensenshannon or psi");
}
