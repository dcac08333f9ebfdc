using System.Globalization;
using Cairn.Core.Monitoring;

namespace Cairn.Monitoring.Monitors;

/// <summary>The metrics an alert rule can watch and how each is read from a report.</summary>
public static class AlertMetrics
{
    public const string FeatureDriftPrefix = "feature_drift:";

    /// <summary>Metrics other than <c>feature_drift:&lt;column&gt;</c>.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["drift_share", "dataset_drift", "prediction_drift", "accuracy", "macro_f1", "auc", "rmse", "mae", "error_rate", "p99_ms"];

    public static IReadOnlyList<string> Ops { get; } = ["<", "<=", ">", ">="];

    public static bool IsValid(string metric) =>
        Names.Contains(metric, StringComparer.Ordinal) || (metric.StartsWith(FeatureDriftPrefix, StringComparison.Ordinal) && metric.Length > FeatureDriftPrefix.Length);

    /// <summary>
    /// The metric's value on a report, or null when the report does not have it (no feedback, column not
    /// tested, empty window): a rule over a missing value neither fires nor resolves.
    /// </summary>
    public static double? Value(MonitorReport report, string metric)
    {
        if (metric.StartsWith(FeatureDriftPrefix, StringComparison.Ordinal))
        {
            var column = metric[FeatureDriftPrefix.Length..];
            var drift = report.FeatureDrift?.Columns.FirstOrDefault(c => c.Column == column);
            return drift is null || drift.Skipped is not null ? null : Finite(drift.Score);
        }

        return metric switch
        {
            "drift_share" => report.FeatureDrift is { } d && d.Columns.Any(c => c.Skipped is null) ? d.Share : null,
            "dataset_drift" => report.FeatureDrift is { } d && d.Columns.Any(c => c.Skipped is null) ? (d.Drifted ? 1 : 0) : null,
            "prediction_drift" => report.PredictionDrift is { Skipped: null } p ? Finite(p.Score) : null,
            "error_rate" => report.Health is { Requests: > 0 } h ? h.ErrorRate : null,
            "p99_ms" => report.Health is { Requests: > 0 } h && report.Rows > 0 ? h.P99Ms : null,
            _ => report.Performance is { Labelled: > 0 } perf && perf.Metrics.TryGetValue(metric, out var v) ? Finite(v) : null,
        };
    }

    /// <summary>Whether <c>value op threshold</c> holds.</summary>
    public static bool Holds(double value, string op, double threshold) => op switch
    {
        "<" => value < threshold,
        "<=" => value <= threshold,
        ">" => value > threshold,
        ">=" => value >= threshold,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown alert operator."),
    };

    public static string Describe(AlertRule rule, double value) =>
        string.Create(CultureInfo.InvariantCulture, $"{rule.Metric} {value:G6} {rule.Op} {rule.Threshold:G6}");

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;
}
