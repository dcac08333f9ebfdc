using Cairn.Contracts.Native.Rollouts;
using Cairn.Core.Monitoring;
using Cairn.Server.Native;

namespace Cairn.Server.Rollouts;

/// <summary>Wire ↔ domain records of the rollouts API.</summary>
internal static class RolloutsMapping
{
    public static RolloutPolicy ToPolicy(RolloutPolicyDto? dto)
    {
        var d = new RolloutPolicy();
        return dto is null ? d : new RolloutPolicy
        {
            Steps = dto.Steps ?? d.Steps,
            IntervalSeconds = dto.IntervalSeconds ?? d.IntervalSeconds,
            MinSamples = dto.MinSamples ?? d.MinSamples,
            MaxErrorRate = dto.MaxErrorRate ?? d.MaxErrorRate,
            MaxP99Ms = dto.MaxP99Ms ?? d.MaxP99Ms,
            Metric = dto.Metric ?? d.Metric,
            MaxDrop = dto.MaxDrop ?? d.MaxDrop,
            Alpha = dto.Alpha ?? d.Alpha,
            FailureLimit = dto.FailureLimit ?? d.FailureLimit,
            InconclusiveLimit = dto.InconclusiveLimit ?? d.InconclusiveLimit,
        };
    }

    public static RolloutPolicyDto ToDto(RolloutPolicy p) => new(
        [.. p.Steps], p.IntervalSeconds, p.MinSamples, p.MaxErrorRate, p.MaxP99Ms, p.Metric, p.MaxDrop, p.Alpha, p.FailureLimit, p.InconclusiveLimit);

    public static string State(RolloutState state) => state switch
    {
        RolloutState.RolledBack => "ROLLED_BACK",
        _ => state.ToString().ToUpperInvariant(),
    };

    public static RolloutDto ToDto(Rollout r, IReadOnlyList<RolloutDecision>? decisions = null) => new(
        r.Id, r.Deployment, r.Model, r.Version, r.CandidateVariant, r.Champions.Select(DeploymentsMapping.ToDto).ToList(), ToDto(r.Policy),
        State(r.State), r.StepIndex + 1, r.Weight, r.StepStartedAt, r.Failures, r.Inconclusive, r.Actor, r.Trigger, r.CreatedAt, r.UpdatedAt,
        decisions?.Select(ToDto).ToList());

    public static RolloutDecisionDto ToDto(RolloutDecision d) => new(
        d.Timestamp, d.Step + 1, d.Weight, d.Action.ToString().ToLowerInvariant(), d.Actor, d.Reason, d.Numbers is { } n ? ToDto(n) : null);

    private static RolloutNumbersDto ToDto(RolloutNumbers n) => new(
        ToDto(n.Candidate), ToDto(n.Champion), n.Metric, n.Test, Finite(n.Statistic), Finite(n.PValue), n.MaxDrop, n.Alpha, n.MaxErrorRate, n.MaxP99Ms, n.MinSamples);

    private static RolloutArmDto ToDto(RolloutArm a) => new(a.Requests, a.Errors, a.ErrorRate, Finite(a.P99Ms), a.Labelled, Finite(a.MetricValue));

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
