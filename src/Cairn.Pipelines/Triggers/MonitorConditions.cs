using System.Globalization;
using Cairn.Core.Monitoring;
using Cairn.Pipelines.Spec;

namespace Cairn.Pipelines.Triggers;

/// <summary>
/// A trigger's condition on one monitor report: holds, does not hold, or null when the report lacks the
/// data to decide (no drift result, too few labelled predictions) — such a report neither extends nor
/// breaks a debounce streak. <see cref="Detail"/> says what was seen, with its numbers.
/// </summary>
internal sealed record MonitorCheck(bool? Holds, string Detail, string Kind);

/// <summary>The drift and performance conditions of triggers, on monitor reports.</summary>
internal static class MonitorConditions
{
    private static readonly HashSet<string> HealthMetrics = ["error_rate", "p50_ms", "p99_ms"];

    public static MonitorCheck Drift(DriftTriggerSpec spec, MonitorReport report)
    {
        if (spec.Prediction)
        {
            return report.PredictionDrift is not { Skipped: null } p
                ? new MonitorCheck(null, "no prediction drift result", "drift")
                : new MonitorCheck(p.Drifted, $"prediction drift {(p.Drifted ? "detected" : "not detected")} ({Column(p)})", "drift");
        }

        if (report.FeatureDrift is not { } drift)
        {
            return new MonitorCheck(null, "no feature drift result", "drift");
        }

        if (spec.Feature is { } feature)
        {
            return drift.Columns.FirstOrDefault(c => c.Column == feature) is not { Skipped: null } column
                ? new MonitorCheck(null, $"feature {feature} was not tested", "drift")
                : new MonitorCheck(column.Drifted, $"feature {feature} {(column.Drifted ? "drifted" : "did not drift")} ({Column(column)})", "drift");
        }

        var counts = $"{drift.DriftedColumns} of {drift.Columns.Count(c => c.Skipped is null)} columns";
        if (spec.Share is { } share)
        {
            var holds = drift.Share >= share;
            return new MonitorCheck(holds, $"drift share {Num(drift.Share)} {(holds ? ">=" : "<")} {Num(share)} ({counts})", "drift");
        }

        return new MonitorCheck(drift.Drifted,
            $"dataset drift {(drift.Drifted ? "detected" : "not detected")}, drift share {Num(drift.Share)} {(drift.Drifted ? ">=" : "<")} {Num(drift.DriftShare)} ({counts})", "drift");
    }

    public static MonitorCheck Performance(PerformanceTriggerSpec spec, MonitorReport report)
    {
        double value;
        var labelled = "";
        if (HealthMetrics.Contains(spec.Metric))
        {
            if (report.Health is not { } health || health.Requests == 0)
            {
                return new MonitorCheck(null, "no requests in the window", "performance");
            }

            value = spec.Metric switch
            {
                "error_rate" => health.ErrorRate,
                "p50_ms" => health.P50Ms,
                _ => health.P99Ms,
            };
        }
        else
        {
            if (report.Performance is not { } performance || performance.Labelled < Math.Max(1, spec.MinLabelled))
            {
                return new MonitorCheck(null, $"{report.Performance?.Labelled ?? 0} labelled predictions, fewer than {Math.Max(1, spec.MinLabelled)}", "performance");
            }

            if (!performance.Metrics.TryGetValue(spec.Metric, out value) || !double.IsFinite(value))
            {
                return new MonitorCheck(null, $"no metric '{spec.Metric}' (the report has: {string.Join(", ", performance.Metrics.Keys.Order(StringComparer.Ordinal))})", "performance");
            }

            labelled = $" ({performance.Labelled} labelled)";
        }

        var (holds, op) = spec.Below is { } below
            ? (value < below, value < below ? $"< {Num(below)}" : $">= {Num(below)}")
            : (value > spec.Above!.Value, value > spec.Above.Value ? $"> {Num(spec.Above.Value)}" : $"<= {Num(spec.Above.Value)}");
        return new MonitorCheck(holds, $"{spec.Metric} {Num(value)} {op}{labelled}", "performance");
    }

    private static string Column(ColumnDrift c) =>
        $"{c.Method} {(c.IsPValue ? "p-value" : "score")} {Num(c.Score)} {(c.Drifted ? (c.IsPValue ? "<" : ">=") : (c.IsPValue ? ">=" : "<"))} {Num(c.Threshold)}";

    private static string Num(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
