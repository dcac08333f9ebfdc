using Cairn.Contracts.Native.Deployments;

namespace Cairn.Contracts.Native.Rollouts;

/// <summary>
/// A rollout policy on the wire; omitted fields take the defaults (steps 10/25/50/100, interval 60 s,
/// min_samples 100, max_error_rate 0.01, max_p99_ms 500, metric accuracy, max_drop 0.02, alpha 0.05,
/// failure_limit 1, inconclusive_limit 10).
/// </summary>
public sealed record RolloutPolicyDto(
    List<int>? Steps = null,
    double? IntervalSeconds = null,
    int? MinSamples = null,
    double? MaxErrorRate = null,
    double? MaxP99Ms = null,
    string? Metric = null,
    double? MaxDrop = null,
    double? Alpha = null,
    int? FailureLimit = null,
    int? InconclusiveLimit = null);

/// <summary>POST /api/v1/deployments/{name}/rollout: the candidate model version and an optional policy.</summary>
public sealed record StartRolloutRequest(string? Model, long? Version, RolloutPolicyDto? Policy = null, string? Trigger = null);

/// <summary>POST .../rollout/pause|resume|abort (all optional).</summary>
public sealed record RolloutActionRequest(string? Reason = null);

/// <summary>What one arm did since the step began.</summary>
public sealed record RolloutArmDto(long Requests, long Errors, double ErrorRate, double? P99Ms, long Labelled, double? MetricValue);

/// <summary>The numbers of an analysis: both arms, the test and the thresholds.</summary>
public sealed record RolloutNumbersDto(
    RolloutArmDto Candidate,
    RolloutArmDto Champion,
    string Metric,
    string? Test,
    double? Statistic,
    double? PValue,
    double MaxDrop,
    double Alpha,
    double MaxErrorRate,
    double MaxP99Ms,
    int MinSamples);

/// <summary>
/// One decision: <c>action</c> is start, advance, promote, hold, pause, resume, rollback or abort;
/// <c>step</c> is 1-based; <c>weight</c> is the candidate's percentage after it.
/// </summary>
public sealed record RolloutDecisionDto(long Timestamp, int Step, int Weight, string Action, string Actor, string Reason, RolloutNumbersDto? Numbers = null);

/// <summary>
/// A rollout: <c>state</c> is PROGRESSING, PAUSED, PROMOTED, ROLLED_BACK or ABORTED; <c>step</c> is 1-based;
/// <c>decisions</c> (oldest first) are included when one rollout is asked for.
/// </summary>
public sealed record RolloutDto(
    long Id,
    string Deployment,
    string Model,
    long Version,
    string CandidateVariant,
    List<DeploymentVariantDto> Champions,
    RolloutPolicyDto Policy,
    string State,
    int Step,
    int Weight,
    long StepStartedAt,
    int Failures,
    int Inconclusive,
    string Actor,
    string Trigger,
    long CreatedAt,
    long UpdatedAt,
    List<RolloutDecisionDto>? Decisions = null);

public sealed record RolloutResponse(RolloutDto Rollout);

public sealed record ListRolloutsResponse(List<RolloutDto> Rollouts);
