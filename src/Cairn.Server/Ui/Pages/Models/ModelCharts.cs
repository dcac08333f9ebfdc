using System.Text.Json.Nodes;
using Cairn.Core.Registry;

namespace Cairn.Server.Ui.Pages.Models;

/// <summary>Plotly specs of the models pages, built on the server (see Shared/Chart.razor).</summary>
public static class ModelCharts
{
    /// <summary>At most this many metrics are drawn across versions (the legend stays readable).</summary>
    public const int MaxMetrics = 8;

    /// <summary>
    /// One line per evaluation metric (the version's <c>cairn.metric.*</c> tags) over version numbers, so a
    /// regression between versions is visible at a glance. Empty when no version carries metrics.
    /// </summary>
    public static JsonArray MetricsByVersion(IEnumerable<ModelVersion> versions)
    {
        var points = versions
            .OrderBy(v => v.Version)
            .SelectMany(v => ModelsQuery.TagMetrics(v).Select(m => (v.Version, Metric: m.Key, m.Value)))
            .Where(p => double.IsFinite(p.Value))
            .ToList();
        var metrics = points.Select(p => p.Metric).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(MaxMetrics);
        var traces = new JsonArray();
        foreach (var metric in metrics)
        {
            var series = points.Where(p => p.Metric == metric).ToList();
            traces.Add(new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "lines+markers",
                ["name"] = PlotlyText.Escape(metric),
                ["x"] = new JsonArray([.. series.Select(p => (JsonNode)JsonValue.Create(p.Version))]),
                ["y"] = new JsonArray([.. series.Select(p => (JsonNode)JsonValue.Create(p.Value))]),
            });
        }

        return traces;
    }

    /// <summary>The axes of <see cref="MetricsByVersion"/>: whole version numbers on x.</summary>
    public static JsonObject MetricsByVersionLayout() => new()
    {
        ["xaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "version" }, ["dtick"] = 1, ["tickformat"] = "d" },
        ["yaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "metric value" } },
        // On the right: below the plot it would sit on the x axis title.
        ["legend"] = new JsonObject { ["orientation"] = "v", ["x"] = 1.02, ["y"] = 1 },
        ["margin"] = new JsonObject { ["l"] = 56, ["r"] = 140, ["t"] = 32, ["b"] = 44 },
    };
}
