using System.Text;
using Cairn.Core.Monitoring;

namespace Cairn.Monitoring.Reports;

/// <summary>The sections after the drift tables: drift and performance over time, service health and alerts.</summary>
public static partial class HtmlReport
{
    private static void DriftHistorySection(StringBuilder html, MonitorReport report, List<MonitorReport> older)
    {
        if (older.Count == 0)
        {
            return;
        }

        var reports = older.Append(report).ToList();
        var series = new List<SvgCharts.Series>
        {
            new("share of drifted columns", [.. reports.Where(r => r.FeatureDrift is not null).Select(r => (r.WindowEnd, r.FeatureDrift!.Share))]),
            new("prediction drift score", [.. reports.Where(r => r.PredictionDrift is { Skipped: null }).Select(r => (r.WindowEnd, r.PredictionDrift!.Score))]),
        };
        var chart = SvgCharts.LineChart(series, Html.Number);
        if (chart is null)
        {
            return;
        }

        html.Append("<h2>Drift over time</h2>\n<p class=\"meta\">").Append(reports.Count).Append(" reports of this variant, by window end.</p>\n")
            .Append(SvgCharts.Legend(series.Select((s, i) => (s.Name, ReportStyles.SeriesColors[i])))).Append(chart).Append('\n');
    }

    private static void PerformanceSection(StringBuilder html, MonitorReport report, List<MonitorReport> older)
    {
        html.Append("<h2>Performance</h2>\n");
        if (report.Performance is not { } performance)
        {
            html.Append("<p class=\"muted\">No feedback joined to the predictions of this window, so no live performance.</p>\n");
            return;
        }

        html.Append("<p class=\"meta\">").Append(Html.Escape(performance.Task)).Append(" · ").Append(Html.Integer(performance.Labelled))
            .Append(" labelled predictions (feedback joined on the request id)</p>\n<div class=\"cards\">");
        foreach (var (name, value) in performance.Metrics.OrderBy(m => MetricOrder(m.Key)).ThenBy(m => m.Key, StringComparer.Ordinal))
        {
            Card(html, name, Html.Number(value));
        }

        html.Append("</div>\n");
        foreach (var metric in performance.Metrics.Keys.OrderBy(MetricOrder).ThenBy(m => m, StringComparer.Ordinal))
        {
            var series = new List<SvgCharts.Series>
            {
                new("slices of this window", [.. performance.OverTime.Where(p => p.Metrics.ContainsKey(metric)).Select(p => (Middle(p), p.Metrics[metric]))]),
                new("per report", [.. older.Append(report)
                    .Where(r => r.Performance?.Metrics.ContainsKey(metric) == true).Select(r => (r.WindowEnd, r.Performance!.Metrics[metric]))]),
            };
            if (series.All(s => s.Points.Count < 2) || SvgCharts.LineChart(series, Html.Number) is not { } chart)
            {
                continue;
            }

            html.Append("<h3>").Append(Html.Escape(metric)).Append(" over time</h3>\n")
                .Append(SvgCharts.Legend(series.Select((s, i) => (s.Name, ReportStyles.SeriesColors[i])))).Append(chart).Append('\n');
        }
    }

    private static void HealthSection(StringBuilder html, MonitorReport report)
    {
        html.Append("<h2>Service health</h2>\n");
        if (report.Health is not { } health)
        {
            html.Append("<p class=\"muted\">No service health recorded for this window.</p>\n");
            return;
        }

        html.Append("<div class=\"cards\">");
        Card(html, "requests", Html.Integer(health.Requests));
        Card(html, "errors", Html.Integer(health.Errors));
        Card(html, "error rate", Html.Percent(health.ErrorRate));
        Card(html, "p50 latency", Html.Number(health.P50Ms) + " ms");
        Card(html, "p99 latency", Html.Number(health.P99Ms) + " ms");
        html.Append("</div>\n");
    }

    private static void AlertsSection(StringBuilder html, MonitorReport report)
    {
        html.Append("<h2>Alerts</h2>\n");
        if (report.FiringAlerts.Count == 0)
        {
            html.Append("<p class=\"no\">No alert is firing.</p>\n");
            return;
        }

        html.Append("<ul class=\"alerts\">");
        foreach (var alert in report.FiringAlerts)
        {
            html.Append("<li>").Append(Html.Escape(alert)).Append(" — firing</li>");
        }

        html.Append("</ul>\n");
    }

    private static void Card(StringBuilder html, string label, string value) =>
        html.Append("<div class=\"card\"><div class=\"label\">").Append(Html.Escape(label)).Append("</div><div class=\"value\">")
            .Append(Html.Escape(value)).Append("</div></div>");

    private static long Middle(PerformancePoint point) => point.Start + ((point.End - point.Start) / 2);

    /// <summary>The headline metrics first (also the web UI's order).</summary>
    public static int MetricOrder(string metric) => metric switch
    {
        "accuracy" or "rmse" => 0,
        "macro_f1" or "mae" => 1,
        "auc" or "r2" => 2,
        _ => 3,
    };
}
