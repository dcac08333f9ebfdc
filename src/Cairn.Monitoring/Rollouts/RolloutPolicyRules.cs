using Cairn.Core.Errors;
using Cairn.Core.Monitoring;

namespace Cairn.Monitoring.Rollouts;

/// <summary>Checks a rollout policy; a bad value is INVALID_PARAMETER_VALUE naming <c>policy.&lt;field&gt;</c> and the rule.</summary>
public static class RolloutPolicyRules
{
    public static RolloutPolicy Check(RolloutPolicy? policy)
    {
        policy ??= new RolloutPolicy();
        var steps = policy.Steps ?? throw Invalid("steps", "null", "it must be a list of percentages ending at 100");
        if (steps.Count == 0)
        {
            throw Invalid("steps", "[]", "it must list at least one percentage, the last being 100");
        }

        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] is < 1 or > 100)
            {
                throw Invalid($"steps[{i}]", steps[i], "each step is a percentage from 1 to 100");
            }

            if (i > 0 && steps[i] <= steps[i - 1])
            {
                throw Invalid($"steps[{i}]", steps[i], $"steps must be strictly ascending (it follows {steps[i - 1]})");
            }
        }

        if (steps[^1] != 100)
        {
            throw Invalid($"steps[{steps.Count - 1}]", steps[^1], "the last step must be 100 (the candidate takes all traffic before it is promoted)");
        }

        Range("interval_seconds", policy.IntervalSeconds, 0, 86_400);
        Range("min_samples", policy.MinSamples, 1, 10_000_000);
        Range("max_error_rate", policy.MaxErrorRate, 0, 1);
        Range("max_p99_ms", policy.MaxP99Ms, 0.001, 3_600_000);
        Range("max_drop", policy.MaxDrop, 0, 1_000);
        if (!(policy.Alpha > 0 && policy.Alpha < 1))
        {
            throw Invalid("alpha", policy.Alpha, "it must be between 0 and 1 (exclusive)");
        }

        Range("failure_limit", policy.FailureLimit, 1, 1_000);
        Range("inconclusive_limit", policy.InconclusiveLimit, 1, 1_000_000);
        if (!RolloutAnalysis.Metrics.Contains(policy.Metric))
        {
            throw Invalid("metric", policy.Metric, $"it must be one of {string.Join(", ", RolloutAnalysis.Metrics)}");
        }

        return policy with { Steps = [.. steps] };
    }

    private static void Range(string field, double value, double min, double max)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            throw Invalid(field, value, $"it must be from {min.ToString(System.Globalization.CultureInfo.InvariantCulture)} to {max.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }

    private static CairnException Invalid(string field, object? value, string rule) =>
        CairnException.InvalidParameter(
            $"Invalid value '{Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)}' for parameter 'policy.{field}': {rule}.");
}
