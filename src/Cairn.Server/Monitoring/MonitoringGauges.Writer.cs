using System.Globalization;
using Cairn.Core.Monitoring;
using Cairn.Serving.Metrics;

namespace Cairn.Server.Monitoring;

/// <summary>
/// The gauge families. Names follow the Prometheus practice (one <c>cairn_</c> prefix, ratios in 0–1, no
/// <c>_total</c> on gauges, 0/1 for verdicts) and labels stay bounded: deployment, variant, model, version,
/// and the feature or metric name (columns of the model's schema, metrics from a fixed set).
/// </summary>
public sealed partial class MonitoringGauges
{
    internal static void Write(PrometheusTextWriter writer, IReadOnlyList<MonitorReport> reports)
    {
        var features = reports
            .SelectMany(r => (r.FeatureDrift?.Columns ?? []).Where(c => c.Skipped is null).Select(c => (Report: r, Column: c)))
            .ToList();
        if (features.Count > 0)
        {
            writer.Family("cairn_feature_drift_score", "gauge",
                "Drift score of a feature in the latest monitor report: the p-value for p-value tests (ks, chisquare, z), else the distance.");
            foreach (var (report, column) in features)
            {
                writer.Sample("cairn_feature_drift_score", ColumnLabels(report, column), column.Score);
            }

            writer.Family("cairn_feature_drift_detected", "gauge", "1 when the feature drifted in the latest monitor report, else 0.");
            foreach (var (report, column) in features)
            {
                writer.Sample("cairn_feature_drift_detected", ColumnLabels(report, column), column.Drifted ? 1 : 0);
            }
        }

        var datasets = reports.Where(r => r.FeatureDrift is not null).ToList();
        if (datasets.Count > 0)
        {
            writer.Family("cairn_dataset_drift_share", "gauge", "Share (0-1) of the tested features that drifted in the latest monitor report.");
            foreach (var report in datasets)
            {
                writer.Sample("cairn_dataset_drift_share", ReportLabels(report), report.FeatureDrift!.Share);
            }

            writer.Family("cairn_dataset_drift_detected", "gauge", "1 when the share of drifted features reached the drift share threshold, else 0.");
            foreach (var report in datasets)
            {
                writer.Sample("cairn_dataset_drift_detected", ReportLabels(report), report.FeatureDrift!.Drifted ? 1 : 0);
            }
        }

        var predictions = reports.Where(r => r.PredictionDrift is { Skipped: null }).ToList();
        if (predictions.Count > 0)
        {
            writer.Family("cairn_prediction_drift_score", "gauge", "Drift score of the model's predictions in the latest monitor report (p-value or distance, see the method label).");
            foreach (var report in predictions)
            {
                writer.Sample("cairn_prediction_drift_score", [.. ReportLabels(report), ("method", report.PredictionDrift!.Method)], report.PredictionDrift.Score);
            }
        }

        WriteLiveMetrics(writer, reports);
    }

    private static void WriteLiveMetrics(PrometheusTextWriter writer, IReadOnlyList<MonitorReport> reports)
    {
        var samples = new List<((string, string)[] Labels, double Value)>();
        foreach (var report in reports)
        {
            if (report.Performance is { } performance)
            {
                samples.AddRange(performance.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => (MetricLabels(report, m.Key), m.Value)));
            }

            if (report.Health is { } health)
            {
                samples.Add((MetricLabels(report, "error_rate"), health.ErrorRate));
                // Seconds, the Prometheus base unit, although alert rules and reports speak milliseconds.
                samples.Add((MetricLabels(report, "p50_seconds"), health.P50Ms / 1000));
                samples.Add((MetricLabels(report, "p99_seconds"), health.P99Ms / 1000));
            }
        }

        if (samples.Count == 0)
        {
            return;
        }

        writer.Family("cairn_live_metric", "gauge",
            "Live quality from feedback (accuracy, macro_f1, auc, log_loss, rmse, mae, r2) and health (error_rate, p50_seconds, p99_seconds) in the latest monitor report.");
        foreach (var (labels, value) in samples)
        {
            writer.Sample("cairn_live_metric", labels, value);
        }
    }

    private static (string, string)[] ReportLabels(MonitorReport report) =>
        [("deployment", report.Deployment), ("variant", report.Variant), ("model", report.Model), ("version", report.Version.ToString(CultureInfo.InvariantCulture))];

    private static (string, string)[] ColumnLabels(MonitorReport report, ColumnDrift column) => [.. ReportLabels(report), ("feature", column.Column), ("method", column.Method)];

    private static (string, string)[] MetricLabels(MonitorReport report, string metric) => [.. ReportLabels(report), ("metric", metric)];
}
