using System.Globalization;
using System.Text.Json.Nodes;

namespace Cairn.Server.Ui.Pages.Deployments;

/// <summary>Plotly traces of the live panel: one line per variant over the panel's history.</summary>
public static class LiveCharts
{
    /// <summary>Requests per second per variant.</summary>
    public static JsonArray Rates(IReadOnlyList<LivePoint> history, IReadOnlyList<string> variants) =>
        Lines(history, variants, p => p.Rates, v => v);

    /// <summary>The sliding window's p99 latency (ms) per variant; gaps where a variant had no requests.</summary>
    public static JsonArray P99(IReadOnlyList<LivePoint> history, IReadOnlyList<string> variants) =>
        Lines(history, variants, p => p.P99Ms, v => v);

    /// <summary>A fixed time axis ending at <paramref name="nowMs"/>, so the lines scroll left as time passes.</summary>
    public static JsonObject Layout(string yTitle, long nowMs, TimeSpan span) => new()
    {
        ["xaxis"] = new JsonObject
        {
            ["type"] = "date",
            ["title"] = new JsonObject { ["text"] = "time (UTC)" },
            ["range"] = new JsonArray(Format.ChartTime(nowMs - (long)span.TotalMilliseconds), Format.ChartTime(nowMs)),
        },
        ["yaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = yTitle }, ["rangemode"] = "tozero" },
        ["margin"] = new JsonObject { ["l"] = 56, ["r"] = 16, ["t"] = 32, ["b"] = 80 },
        ["legend"] = new JsonObject { ["orientation"] = "h", ["y"] = -0.4 },
        ["showlegend"] = true,
    };

    private static JsonArray Lines<T>(
        IReadOnlyList<LivePoint> history, IReadOnlyList<string> variants, Func<LivePoint, IReadOnlyDictionary<string, T>> values, Func<T, double?> number)
    {
        var traces = new JsonArray();
        foreach (var variant in variants)
        {
            var x = new JsonArray();
            var y = new JsonArray();
            foreach (var point in history)
            {
                x.Add(Format.ChartTime(point.AtMs));
                y.Add(values(point).TryGetValue(variant, out var value) && number(value) is { } v && double.IsFinite(v) ? JsonValue.Create(Math.Round(v, 3)) : null);
            }

            traces.Add(new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "lines+markers",
                ["marker"] = new JsonObject { ["size"] = 6 },
                ["name"] = PlotlyText.Escape(variant),
                ["x"] = x,
                ["y"] = y,
                ["connectgaps"] = false,
            });
        }

        return traces;
    }
}
