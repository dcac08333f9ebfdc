using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Core.Serving;

namespace Cairn.Server.Ui.Pages.Deployments;

/// <summary>
/// The traffic history chart: from the deployment's events, the live weight of every variant after each
/// change, stacked (they sum to 100 %) and drawn as steps. A variant is keyed by its name and pinned
/// version, so a name reused for another version (a second canary) is its own band.
/// </summary>
public static class WeightHistory
{
    /// <param name="events">The deployment's events in any order (the store answers newest first).</param>
    public static JsonArray Traces(IReadOnlyList<DeploymentEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ordered = events.OrderBy(e => e.Sequence).ToList();
        var keys = new List<string>();
        foreach (var variant in ordered.SelectMany(e => e.Variants).Where(v => v.Mode == VariantMode.Live))
        {
            var key = Key(variant);
            if (!keys.Contains(key, StringComparer.Ordinal))
            {
                keys.Add(key);
            }
        }

        var traces = new JsonArray();
        foreach (var key in keys)
        {
            var x = new JsonArray();
            var y = new JsonArray();
            var text = new JsonArray();
            foreach (var e in ordered)
            {
                x.Add(Format.ChartTime(e.Timestamp));
                y.Add(e.Variants.Where(v => v.Mode == VariantMode.Live && Key(v) == key).Sum(v => v.Weight));
                text.Add(PlotlyText.Escape($"#{e.Sequence} {e.Action} by {e.Actor}"));
            }

            traces.Add(new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "lines+markers",
                ["name"] = PlotlyText.Escape(key),
                ["x"] = x,
                ["y"] = y,
                ["text"] = text,
                ["hovertemplate"] = "%{text}<br>%{y} %<extra>%{fullData.name}</extra>",
                ["line"] = new JsonObject { ["shape"] = "hv" },
                ["stackgroup"] = "weights",
            });
        }

        return traces;
    }

    public static JsonObject Layout() => new()
    {
        ["xaxis"] = new JsonObject { ["type"] = "date", ["title"] = new JsonObject { ["text"] = "time of the change (UTC)" } },
        ["yaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "live weight (%)" }, ["range"] = new JsonArray(0, 100) },
        ["margin"] = new JsonObject { ["l"] = 56, ["r"] = 16, ["t"] = 32, ["b"] = 90 },
        ["legend"] = new JsonObject { ["orientation"] = "h", ["y"] = -0.45 },
        ["showlegend"] = true,
    };

    /// <summary>How a variant is named in the chart: <c>canary (seattle-weather v2)</c>.</summary>
    public static string Key(DeploymentVariant variant) => $"{variant.Name} ({variant.Model} v{variant.Version})";
}
