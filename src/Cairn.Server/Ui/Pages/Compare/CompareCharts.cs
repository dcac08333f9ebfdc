using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Core.Tracking;

namespace Cairn.Server.Ui.Pages.Compare;

/// <summary>
/// The compare page's plotly traces: a metric's history per run (curves overlaid), latest values side by
/// side, and parallel coordinates of the params against a chosen metric. User-written text (run names,
/// param values) goes through <see cref="PlotlyText.Escape"/>.
/// </summary>
public static class CompareCharts
{
    /// <summary>Params beyond this many make parcoords unreadable; those that differ between runs come first.</summary>
    public const int MaxParcoordsParams = 12;

    /// <summary>Plotly's default colours, fixed per run so that a run has one colour in every chart (and in the runs table).</summary>
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    public static string RunColor(int index) => Palette[index % Palette.Length];

    /// <summary>The label of each run in legends: its name, with its short id when two runs share a name.</summary>
    public static IReadOnlyList<string> RunLabels(IReadOnlyList<Run> runs)
    {
        var duplicated = runs.GroupBy(r => r.Info.RunName, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return [.. runs.Select(r => duplicated.Contains(r.Info.RunName) || r.Info.RunName.Length == 0
            ? $"{r.Info.RunName} ({Format.ShortId(r.Info.RunId)})".TrimStart()
            : r.Info.RunName)];
    }

    /// <summary>Metrics worth a curve: some run logged the metric at a step after 0 (its latest value says so).</summary>
    public static IReadOnlyList<string> CurveMetrics(IReadOnlyList<Run> runs, int max) =>
        [.. runs.SelectMany(r => r.Metrics).Where(m => m.Step > 0).Select(m => m.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(max)];

    /// <summary>Metric keys, the ones most runs have first (the default for parcoords is the first).</summary>
    public static IReadOnlyList<string> MetricChoices(IReadOnlyList<Run> runs) =>
        [.. runs.SelectMany(r => r.Metrics.Select(m => m.Key).Distinct(StringComparer.Ordinal))
            .GroupBy(k => k, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)];

    /// <summary>One line per run (step on x, value on y) for one metric, given in run order; runs without it (empty history) are left out.</summary>
    public static JsonArray Curves(IReadOnlyList<(string Label, IReadOnlyList<Metric> History)> series)
    {
        var traces = new JsonArray();
        for (var i = 0; i < series.Count; i++)
        {
            var (label, history) = series[i];
            if (history.Count == 0)
            {
                continue;
            }

            var points = history.OrderBy(m => m.Step).ThenBy(m => m.Timestamp).ToList();
            traces.Add(new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = points.Count > 1 ? "lines+markers" : "markers",
                ["name"] = PlotlyText.Escape(label),
                ["marker"] = new JsonObject { ["color"] = RunColor(i) },
                ["line"] = new JsonObject { ["color"] = RunColor(i) },
                ["x"] = Numbers(points.Select(m => (double)m.Step)),
                ["y"] = Numbers(points.Select(m => m.Value)),
            });
        }

        return traces;
    }

    /// <summary>
    /// Metrics worth a bar chart of their latest values, at most <paramref name="max"/>: those that differ
    /// between the runs first, then undotted names before step-prefixed copies (train.f1 repeats f1).
    /// </summary>
    public static IReadOnlyList<string> LatestValueMetrics(IReadOnlyList<Run> runs, IEnumerable<string> keys, int max) =>
        [.. keys.Select(k => (Key: k, Values: runs.Select(r => r.Metrics.LastOrDefault(m => m.Key == k)?.Value).Distinct().Count()))
            .OrderBy(k => k.Values > 1 ? 0 : 1).ThenBy(k => k.Key.Contains('.', StringComparison.Ordinal) ? 1 : 0).ThenBy(k => k.Key, StringComparer.Ordinal)
            .Take(max)
            .Select(k => k.Key)];

    /// <summary>One metric's latest value per run (one bar each, in the runs' colours); runs without it are left out.</summary>
    public static JsonArray LatestValues(IReadOnlyList<Run> runs, IReadOnlyList<string> labels, string key)
    {
        var traces = new JsonArray();
        for (var i = 0; i < runs.Count; i++)
        {
            if (runs[i].Metrics.LastOrDefault(m => m.Key == key) is { } metric)
            {
                traces.Add(new JsonObject
                {
                    ["type"] = "bar",
                    ["name"] = PlotlyText.Escape(labels[i]),
                    ["x"] = new JsonArray(JsonValue.Create(PlotlyText.Escape(labels[i]))),
                    ["y"] = Numbers([metric.Value]),
                    ["marker"] = new JsonObject { ["color"] = RunColor(i) },
                    ["hovertemplate"] = "%{y}<extra>%{fullData.name}</extra>",
                });
            }
        }

        return traces;
    }

    /// <summary>
    /// Parallel coordinates: one axis per param (numeric when every value parses as a number, else the
    /// distinct values as ticks) and a last axis for <paramref name="metric"/>, lines coloured by the metric.
    /// Only runs that have the metric are drawn; returns how many that is.
    /// </summary>
    public static (JsonArray Data, int RunCount) Parcoords(IReadOnlyList<Run> runs, string metric)
    {
        var drawn = runs.Where(r => r.Metrics.Any(m => m.Key == metric)).ToList();
        var metricValues = drawn.Select(r => r.Metrics.Last(m => m.Key == metric).Value).ToList();
        var paramsPerRun = drawn.Select(r => r.Params.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal)).ToList();
        var keys = paramsPerRun.SelectMany(p => p.Keys).Distinct(StringComparer.Ordinal)
            .OrderBy(k => paramsPerRun.Select(p => p.GetValueOrDefault(k)).Distinct().Count() > 1 ? 0 : 1)
            .ThenBy(k => k, StringComparer.Ordinal)
            .Take(MaxParcoordsParams)
            .Order(StringComparer.Ordinal)
            .ToList();
        var dimensions = new JsonArray();
        foreach (var key in keys)
        {
            dimensions.Add(Dimension(key, paramsPerRun.Select(p => p.GetValueOrDefault(key)).ToList()));
        }

        dimensions.Add(new JsonObject { ["label"] = PlotlyText.Escape(metric), ["values"] = Numbers(metricValues) });
        var trace = new JsonObject
        {
            ["type"] = "parcoords",
            ["dimensions"] = dimensions,
            ["line"] = new JsonObject
            {
                ["color"] = Numbers(metricValues),
                ["colorscale"] = "Viridis",
                ["showscale"] = true,
                ["colorbar"] = new JsonObject { ["title"] = new JsonObject { ["text"] = PlotlyText.Escape(metric) } },
            },
        };
        return (new JsonArray(trace), drawn.Count);
    }

    /// <summary>A param axis: numbers as they are; anything else (or a missing value, shown as "(none)") as ticks.</summary>
    public static JsonObject Dimension(string key, IReadOnlyList<string?> values)
    {
        var numbers = values.Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : (double?)null).ToList();
        if (numbers.All(n => n is not null))
        {
            return new JsonObject { ["label"] = PlotlyText.Escape(key), ["values"] = Numbers(numbers.Select(n => n!.Value)) };
        }

        var ticks = values.Select(v => v ?? "(none)").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = ticks.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var dimension = new JsonObject
        {
            ["label"] = PlotlyText.Escape(key),
            ["values"] = Numbers(values.Select(v => (double)index[v ?? "(none)"])),
            ["tickvals"] = Numbers(ticks.Select((_, i) => (double)i)),
            ["ticktext"] = new JsonArray([.. ticks.Select(t => (JsonNode?)JsonValue.Create(PlotlyText.Escape(Shorten(t))))]),
        };
        if (ticks.Count == 1)
        {
            // A single category would make a zero-height axis; pad it so the tick sits in the middle.
            dimension["range"] = new JsonArray(-1, 1);
        }

        return dimension;
    }

    private static string Shorten(string text) => text.Length <= 24 ? text : text[..23] + "…";

    /// <summary>JSON numbers; NaN and infinities (which JSON cannot hold) become null.</summary>
    private static JsonArray Numbers(IEnumerable<double> values) =>
        new([.. values.Select(v => double.IsFinite(v) ? JsonValue.Create(v) : null)]);
}
