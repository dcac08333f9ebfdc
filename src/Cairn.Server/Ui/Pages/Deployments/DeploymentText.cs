using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Core.Monitoring;
using Cairn.Core.Serving;

namespace Cairn.Server.Ui.Pages.Deployments;

/// <summary>How the deployment pages write statuses, rollout numbers and logged inputs.</summary>
public static class DeploymentText
{
    public static string Status(DeploymentStatus status) => status.ToString().ToUpperInvariant();

    /// <summary>The API's spelling of a rollout state (ROLLED_BACK), also the badge's text.</summary>
    public static string State(RolloutState state) => state == RolloutState.RolledBack ? "ROLLED_BACK" : state.ToString().ToUpperInvariant();

    public static string Action(RolloutAction action) => action.ToString().ToLowerInvariant();

    /// <summary>The badge class (see cairn.css) of a decision: what moved forward is good, what went back is bad.</summary>
    public static string ActionClass(RolloutAction action) => action switch
    {
        RolloutAction.Advance or RolloutAction.Promote => "pass",
        RolloutAction.Hold or RolloutAction.Pause => "inconclusive",
        RolloutAction.Rollback or RolloutAction.Abort => "fail",
        _ => "",
    };

    /// <summary>An arm's online metric: <c>accuracy 0.8824 (n=34)</c>; empty when the policy has no metric.</summary>
    public static string ArmMetric(RolloutArm arm, string metric)
    {
        ArgumentNullException.ThrowIfNull(arm);
        return string.Equals(metric, "none", StringComparison.OrdinalIgnoreCase)
            ? ""
            : $"{metric} {(arm.MetricValue is { } m ? Format.Number(m) : "—")} (n={arm.Labelled.ToString(CultureInfo.InvariantCulture)})";
    }

    /// <summary>An arm's health: <c>41 requests · 0 errors (0 %) · p99 0.24 ms</c>.</summary>
    public static string ArmHealth(RolloutArm arm)
    {
        ArgumentNullException.ThrowIfNull(arm);
        return $"{arm.Requests.ToString(CultureInfo.InvariantCulture)} requests · {arm.Errors.ToString(CultureInfo.InvariantCulture)} errors ({Format.Percent(arm.ErrorRate)}) · " +
            $"p99 {(arm.P99Ms is { } p ? Format.Number(Math.Round(p, 2)) + " ms" : "—")}";
    }

    /// <summary>The test of an analysis: <c>two-proportion-z = -2.6123, p = 0.009</c>, or why it did not run.</summary>
    public static string Test(RolloutNumbers numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        if (numbers.Test is null)
        {
            return $"not run (fewer than {numbers.MinSamples.ToString(CultureInfo.InvariantCulture)} labelled per arm)";
        }

        return $"{numbers.Test} statistic {Format.Number(numbers.Statistic)}, p {Format.Number(numbers.PValue)}";
    }

    /// <summary>The thresholds an analysis was judged against.</summary>
    public static string Thresholds(RolloutNumbers numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        return $"α {Format.Number(numbers.Alpha)} · max drop {Format.Number(numbers.MaxDrop)} · max errors {Format.Percent(numbers.MaxErrorRate)} · " +
            $"max p99 {Format.Number(numbers.MaxP99Ms)} ms · min samples {numbers.MinSamples.ToString(CultureInfo.InvariantCulture)}";
    }

    public static string Policy(RolloutPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return $"steps {string.Join(" → ", policy.Steps.Select(s => s.ToString(CultureInfo.InvariantCulture) + " %"))} · every " +
            $"{Format.Number(policy.IntervalSeconds)} s · metric {policy.Metric} · min samples {policy.MinSamples.ToString(CultureInfo.InvariantCulture)} · " +
            $"α {Format.Number(policy.Alpha)} · max drop {Format.Number(policy.MaxDrop)} · failure limit {policy.FailureLimit.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Logged inputs as <c>name=value</c> pairs in the logged order.</summary>
    public static string Inputs(JsonObject inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return string.Join(", ", inputs.Select(p => $"{p.Key}={Value(p.Value)}"));
    }

    /// <summary>The logged output: the label with its probability, or the regression value.</summary>
    public static string Output(string? label, double score) =>
        label is null ? Format.Number(score) : $"{label} ({Format.Number(Math.Round(score, 4))})";

    /// <summary>Whether the ground truth matches the predicted label; null when either is unknown.</summary>
    public static bool? Correct(string? label, string? actual) =>
        label is null || actual is null ? null : string.Equals(label, actual, StringComparison.Ordinal);

    /// <summary>Microseconds as milliseconds with two decimals.</summary>
    public static string LatencyMs(long micros) => (micros / 1000.0).ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    private static string Value(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<double>(out var d) => Format.Number(d),
        JsonValue v when v.TryGetValue<string>(out var s) => s.EndsWith("T00:00:00Z", StringComparison.Ordinal) ? s[..^10] : s,
        _ => node.ToJsonString(),
    };
}
