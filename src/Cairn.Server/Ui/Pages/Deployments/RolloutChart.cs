using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Core.Monitoring;

namespace Cairn.Server.Ui.Pages.Deployments;

/// <summary>
/// A rollout at a glance: the candidate's traffic share after each decision (steps) and, at each analysis,
/// the online metric of the candidate and of the champions — the numbers the decisions were taken on.
/// </summary>
public static class RolloutChart
{
    public static JsonArray Traces(Rollout rollout, IReadOnlyList<RolloutDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(decisions);
        var ordered = decisions.OrderBy(d => d.Timestamp).ThenBy(d => d.Id).ToList();
        var traces = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "lines+markers",
                ["name"] = PlotlyText.Escape($"{rollout.CandidateVariant} weight (%)"),
                ["x"] = Times(ordered),
                ["y"] = new JsonArray([.. ordered.Select(d => (JsonNode?)JsonValue.Create(d.Weight))]),
                ["text"] = new JsonArray([.. ordered.Select(d => (JsonNode?)JsonValue.Create(DeploymentText.Action(d.Action)))]),
                ["hovertemplate"] = "%{text}: %{y} %<extra></extra>",
                ["line"] = new JsonObject { ["shape"] = "hv", ["color"] = "#9aa5b1" },
                ["yaxis"] = "y2",
            },
        };

        var analysed = ordered.Where(d => d.Numbers is not null).ToList();
        var metric = analysed.FirstOrDefault()?.Numbers!.Metric ?? rollout.Policy.Metric;
        if (analysed.Count > 0 && !string.Equals(metric, "none", StringComparison.OrdinalIgnoreCase))
        {
            traces.Add(Arm(analysed, $"candidate {metric}", n => n.Candidate, "#2f6feb"));
            traces.Add(Arm(analysed, $"champion {metric}", n => n.Champion, "#1a7f37"));
        }

        return traces;
    }

    public static JsonObject Layout(Rollout rollout, IReadOnlyList<RolloutDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var metric = decisions.FirstOrDefault(d => d.Numbers is not null)?.Numbers!.Metric ?? rollout.Policy.Metric;
        return new JsonObject
        {
            ["xaxis"] = new JsonObject { ["type"] = "date", ["title"] = new JsonObject { ["text"] = "time of the decision (UTC)" } },
            ["yaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = PlotlyText.Escape(metric) } },
            ["yaxis2"] = new JsonObject
            {
                ["title"] = new JsonObject { ["text"] = "candidate weight (%)" }, ["overlaying"] = "y", ["side"] = "right", ["range"] = new JsonArray(0, 105), ["showgrid"] = false,
            },
            ["margin"] = new JsonObject { ["l"] = 56, ["r"] = 56, ["t"] = 36, ["b"] = 90 },
            ["legend"] = new JsonObject { ["orientation"] = "h", ["y"] = -0.45 },
        };
    }

    private static JsonObject Arm(List<RolloutDecision> analysed, string name, Func<RolloutNumbers, RolloutArm> arm, string color) => new()
    {
        ["type"] = "scatter",
        ["mode"] = "lines+markers",
        ["name"] = PlotlyText.Escape(name),
        ["x"] = Times(analysed),
        ["y"] = new JsonArray([.. analysed.Select(d => arm(d.Numbers!).MetricValue is { } v && double.IsFinite(v) ? (JsonNode?)JsonValue.Create(v) : null)]),
        ["text"] = new JsonArray([.. analysed.Select(d => (JsonNode?)JsonValue.Create($"n={arm(d.Numbers!).Labelled.ToString(CultureInfo.InvariantCulture)}"))]),
        ["hovertemplate"] = "%{y:.4f} (%{text})<extra>" + PlotlyText.Escape(name) + "</extra>",
        ["line"] = new JsonObject { ["color"] = color },
    };

    private static JsonArray Times(IEnumerable<RolloutDecision> decisions) =>
        new([.. decisions.Select(d => (JsonNode?)JsonValue.Create(Format.ChartTime(d.Timestamp)))]);
}
