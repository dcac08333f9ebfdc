using System.Text.Json.Nodes;
using Cairn.Core.Tracking;

namespace Cairn.Server.Ui.Pages.Runs;

/// <summary>Plotly specs for a run's metric histories: one line per metric, over steps (or over time when every point has the same step).</summary>
public static class MetricCharts
{
    /// <summary>True when the history is plotted over wall-clock time: all its points share one step.</summary>
    public static bool ByTime(IReadOnlyList<Metric> history) => history.Count > 1 && history.All(m => m.Step == history[0].Step);

    /// <summary>One trace of the history in step (or timestamp) order; NaN and infinities become gaps (JSON has no NaN).</summary>
    public static JsonArray Traces(string key, IReadOnlyList<Metric> history)
    {
        var byTime = ByTime(history);
        var points = history.OrderBy(m => byTime ? m.Timestamp : m.Step).ThenBy(m => m.Timestamp).ToList();
        var start = points.Count == 0 ? 0 : points[0].Timestamp;
        var x = new JsonArray();
        var y = new JsonArray();
        foreach (var point in points)
        {
            x.Add(byTime ? (point.Timestamp - start) / 1000.0 : point.Step);
            y.Add(double.IsFinite(point.Value) ? JsonValue.Create(point.Value) : null);
        }

        return
        [
            new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = points.Count > 50 ? "lines" : "lines+markers",
                ["name"] = PlotlyText.Escape(key),
                ["x"] = x,
                ["y"] = y,
                ["connectgaps"] = false,
            },
        ];
    }

    /// <summary>Axis titles: the step (or seconds since the first point) and the metric's key.</summary>
    public static JsonObject Layout(string key, IReadOnlyList<Metric> history)
    {
        var byTime = ByTime(history);
        var xaxis = new JsonObject { ["title"] = new JsonObject { ["text"] = byTime ? "seconds since the first point" : "step" } };
        if (!byTime && history.Count > 0 && history.Max(m => m.Step) - history.Min(m => m.Step) <= 20)
        {
            xaxis["dtick"] = 1; // few steps: whole-number ticks rather than 0.2, 0.4, ...
        }

        return new JsonObject
        {
            ["showlegend"] = false,
            ["xaxis"] = xaxis,
            ["yaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = PlotlyText.Escape(key) } },
        };
    }

    /// <summary>A chart's data-chart name for a metric: <c>metric-history-</c> plus the key with anything but letters, digits, '-', '_' and '.' replaced.</summary>
    public static string ChartName(string key) =>
        "metric-history-" + new string([.. key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
}
