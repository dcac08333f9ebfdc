using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Core.Monitoring;
using Cairn.Monitoring.Reports;

namespace Cairn.Server.Ui.Pages.Monitoring;

/// <summary>
/// The plotly traces of the monitoring pages, built from stored reports: reference vs current histograms
/// (shares, so windows of different sizes compare), performance per time slice and per report, and drift
/// over reports. Column and metric names are user text and go through <see cref="PlotlyText.Escape"/>.
/// </summary>
public static class MonitoringCharts
{
    public const string ReferenceColor = "#8c9bb5";
    public const string CurrentColor = "#e4572e";

    private static readonly string[] SeriesColors = ["#2f6feb", "#e4572e", "#1a7f37", "#9a6700", "#8250df", "#cf222e"];

    /// <summary>Reference and current distributions of one column overlaid, as percentages of each side's values.</summary>
    public static JsonArray Histogram(ColumnDrift column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var x = BinLabels(column, out var widths);
        return
        [
            Bars("reference", x, widths, Shares(column.ReferenceCounts), ReferenceColor, column.ReferenceCount),
            Bars("current", x, widths, Shares(column.CurrentCounts), CurrentColor, column.CurrentCount),
        ];
    }

    /// <summary>Axis titles, overlay mode and, for a numeric column, the reference mean ± std band.</summary>
    public static JsonObject HistogramLayout(ColumnDrift column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var layout = new JsonObject
        {
            ["barmode"] = "overlay",
            ["bargap"] = 0.05,
            ["xaxis"] = Axis(column.Column + (column.Categories is null ? "" : " (category)"), column.Categories is null ? null : "category"),
            ["yaxis"] = Axis("share of values (%)"),
            // Above the plot (histograms have no title there): below it would cover the axis title, inside it the bars.
            ["legend"] = new JsonObject { ["orientation"] = "h", ["x"] = 0, ["y"] = 1.02, ["yanchor"] = "bottom" },
            ["margin"] = new JsonObject { ["l"] = 56, ["r"] = 16, ["t"] = 28, ["b"] = 44 },
        };
        if (column.BinEdges is not null && column.ReferenceMean is { } mean && column.ReferenceStd is { } std && double.IsFinite(mean) && double.IsFinite(std))
        {
            layout["shapes"] = new JsonArray(new JsonObject
            {
                ["type"] = "rect", ["xref"] = "x", ["yref"] = "paper", ["x0"] = mean - std, ["x1"] = mean + std, ["y0"] = 0, ["y1"] = 1,
                ["fillcolor"] = "#c5d4ee", ["opacity"] = 0.35, ["line"] = new JsonObject { ["width"] = 0 }, ["layer"] = "below",
            });
        }

        return layout;
    }

    /// <summary>One metric over time: its value per time slice of this report's window, and per report of the same variant.</summary>
    public static JsonArray Performance(MonitorReport report, IReadOnlyList<MonitorReport> history, string metric)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(history);
        var slices = report.Performance?.OverTime.Where(p => p.Metrics.ContainsKey(metric)).ToList() ?? [];
        var reports = SameVariant(report, history).Where(r => r.Performance?.Metrics.ContainsKey(metric) == true).ToList();
        var traces = new JsonArray();
        if (slices.Count > 0)
        {
            traces.Add(Line(
                "slices of this window", SeriesColors[0],
                slices.Select(p => Format.ChartTime(p.Start + ((p.End - p.Start) / 2))), slices.Select(p => p.Metrics[metric]),
                slices.Select(p => $"{p.Labelled} labelled")));
        }

        if (reports.Count > 0)
        {
            traces.Add(Line(
                "per report", SeriesColors[1],
                reports.Select(r => Format.ChartTime(r.WindowEnd)), reports.Select(r => r.Performance!.Metrics[metric]),
                reports.Select(r => $"report {r.Id}, {r.Performance!.Labelled} labelled")));
        }

        return traces;
    }

    /// <summary>The share of drifted columns and the prediction drift score per report of the same variant, by window end.</summary>
    public static JsonArray DriftHistory(MonitorReport report, IReadOnlyList<MonitorReport> history)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(history);
        var reports = SameVariant(report, history).ToList();
        var withDrift = reports.Where(r => r.FeatureDrift is not null).ToList();
        var withPrediction = reports.Where(r => r.PredictionDrift is { Skipped: null } p && double.IsFinite(p.Score)).ToList();
        return
        [
            Line("share of drifted columns", SeriesColors[0], withDrift.Select(r => Format.ChartTime(r.WindowEnd)), withDrift.Select(r => r.FeatureDrift!.Share),
                withDrift.Select(r => $"report {r.Id}")),
            Line("prediction drift score", SeriesColors[1], withPrediction.Select(r => Format.ChartTime(r.WindowEnd)), withPrediction.Select(r => r.PredictionDrift!.Score),
                withPrediction.Select(r => $"report {r.Id}")),
        ];
    }

    /// <summary>The overview's chart: share of drifted columns per report, one line per deployment/variant.</summary>
    public static JsonArray DriftShareByVariant(IReadOnlyList<MonitorReport> reports) => ByVariant(reports, r => r.FeatureDrift?.Share);

    /// <summary>One performance metric per report, one line per deployment/variant.</summary>
    public static JsonArray MetricByVariant(IReadOnlyList<MonitorReport> reports, string metric) =>
        ByVariant(reports, r => r.Performance?.Metrics.TryGetValue(metric, out var v) == true ? v : null);

    private static JsonArray ByVariant(IReadOnlyList<MonitorReport> reports, Func<MonitorReport, double?> value)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var traces = new JsonArray();
        var groups = reports.Where(r => value(r) is not null)
            .GroupBy(r => (r.Deployment, r.Variant))
            .OrderBy(g => g.Key.Deployment, StringComparer.Ordinal).ThenBy(g => g.Key.Variant, StringComparer.Ordinal);
        var i = 0;
        foreach (var group in groups)
        {
            var points = group.OrderBy(r => r.WindowEnd).ThenBy(r => r.Id).ToList();
            traces.Add(Line($"{group.Key.Deployment} / {group.Key.Variant}", SeriesColors[i++ % SeriesColors.Length],
                points.Select(r => Format.ChartTime(r.WindowEnd)), points.Select(r => value(r)!.Value), points.Select(r => $"report {r.Id}")));
        }

        return traces;
    }

    /// <summary>A time axis and a value axis with titles (the value axis from 0 to 1 for shares).</summary>
    public static JsonObject TimeLayout(string valueTitle, bool share = false)
    {
        var y = Axis(valueTitle);
        if (share)
        {
            y["range"] = new JsonArray(0, 1.05);
        }

        return new JsonObject
        {
            ["xaxis"] = Axis("window end (UTC)", "date"),
            ["yaxis"] = y,
            ["hovermode"] = "closest",
            // Below the axis title (the default legend position would cover it).
            ["legend"] = new JsonObject { ["orientation"] = "h", ["y"] = -0.38 },
            ["margin"] = new JsonObject { ["l"] = 56, ["r"] = 16, ["t"] = 32, ["b"] = 96 },
        };
    }

    /// <summary>The report's metrics, headline metrics first (the order of the HTML report).</summary>
    public static IReadOnlyList<string> MetricNames(PerformanceSummary? performance) =>
        performance is null ? [] : [.. performance.Metrics.Keys.OrderBy(HtmlReport.MetricOrder).ThenBy(m => m, StringComparer.Ordinal)];

    /// <summary>Each count as a percentage of the total (all zeros when there is none).</summary>
    public static IReadOnlyList<double> Shares(IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Sum();
        return [.. counts.Select(c => total > 0 ? Math.Round(100.0 * c / total, 4) : 0)];
    }

    /// <summary>Bin centres (numeric, with each bin's width) or category names (escaped).</summary>
    private static JsonArray BinLabels(ColumnDrift column, out JsonArray? widths)
    {
        widths = null;
        if (column.Categories is { } categories)
        {
            return [.. categories.Select(c => (JsonNode)PlotlyText.Escape(c))];
        }

        if (column.BinEdges is { Count: > 1 } edges)
        {
            widths = [.. edges.Zip(edges.Skip(1), (a, b) => (JsonNode)(b - a))];
            return [.. edges.Zip(edges.Skip(1), (a, b) => (JsonNode)((a + b) / 2))];
        }

        // No bins stored (an untested column): number the counts so the bars still line up.
        return [.. Enumerable.Range(0, Math.Max(column.ReferenceCounts.Count, column.CurrentCounts.Count)).Select(i => (JsonNode)i)];
    }

    private static JsonObject Bars(string name, JsonArray x, JsonArray? widths, IReadOnlyList<double> shares, string color, long count)
    {
        var trace = new JsonObject
        {
            ["type"] = "bar",
            ["name"] = $"{name} ({count.ToString("N0", CultureInfo.InvariantCulture)} values)",
            ["x"] = x.DeepClone(),
            ["y"] = new JsonArray([.. shares.Select(s => (JsonNode)s)]),
            ["marker"] = new JsonObject { ["color"] = color },
            ["opacity"] = 0.6,
            ["hovertemplate"] = "%{x}: %{y:.1f} %<extra>" + name + "</extra>",
        };
        if (widths is not null)
        {
            trace["width"] = widths.DeepClone();
        }

        return trace;
    }

    private static JsonObject Line(string name, string color, IEnumerable<string> x, IEnumerable<double> y, IEnumerable<string> text) => new()
    {
        ["type"] = "scatter",
        ["mode"] = "lines+markers",
        ["name"] = PlotlyText.Escape(name),
        ["x"] = new JsonArray([.. x.Select(v => (JsonNode)v)]),
        // A NaN/infinite value (no data in a slice) is a gap in the line, not a zero.
        ["y"] = new JsonArray([.. y.Select(v => double.IsFinite(v) ? JsonValue.Create(v) : null)]),
        ["text"] = new JsonArray([.. text.Select(v => (JsonNode)PlotlyText.Escape(v))]),
        ["line"] = new JsonObject { ["color"] = color },
    };

    private static JsonObject Axis(string title, string? type = null)
    {
        var axis = new JsonObject { ["title"] = new JsonObject { ["text"] = PlotlyText.Escape(title) }, ["automargin"] = true };
        if (type is not null)
        {
            axis["type"] = type;
        }

        return axis;
    }

    /// <summary>Reports of the report's variant up to it (and it), oldest first: over-time charts compare like with like.</summary>
    private static IEnumerable<MonitorReport> SameVariant(MonitorReport report, IReadOnlyList<MonitorReport> history) =>
        history.Where(h => h.Id != report.Id && h.Deployment == report.Deployment && h.Variant == report.Variant && h.WindowEnd <= report.WindowEnd)
            .Append(report)
            .OrderBy(r => r.WindowEnd).ThenBy(r => r.Id);
}
