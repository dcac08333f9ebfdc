using System.Text.Json;
using Cairn.Core.Monitoring;
using Cairn.Storage.Entities;
using Cairn.Storage.Serving;

namespace Cairn.Storage.Rollouts;

/// <summary>Rows ↔ domain records of the rollout tables.</summary>
internal static class RolloutMapping
{
    public static RolloutEntity ToEntity(Rollout r) => new()
    {
        Id = r.Id,
        Deployment = r.Deployment,
        ActiveDeployment = r.IsActive ? r.Deployment : null,
        Model = r.Model,
        Version = r.Version,
        CandidateVariant = r.CandidateVariant,
        ChampionsJson = DeploymentMapping.VariantsJson(r.Champions),
        StartEventSequence = r.StartEventSequence,
        PolicyJson = JsonSerializer.Serialize(r.Policy, RolloutStorageJsonContext.Default.RolloutPolicy),
        State = r.State.ToString(),
        StepIndex = r.StepIndex,
        Weight = r.Weight,
        StepStartedAt = r.StepStartedAt,
        Failures = r.Failures,
        Inconclusive = r.Inconclusive,
        Actor = r.Actor,
        Trigger = r.Trigger,
        CreatedAt = r.CreatedAt,
        UpdatedAt = r.UpdatedAt,
        Revision = r.Revision,
    };

    public static Rollout ToDomain(RolloutEntity e) => new()
    {
        Id = e.Id,
        Deployment = e.Deployment,
        Model = e.Model,
        Version = e.Version,
        CandidateVariant = e.CandidateVariant,
        Champions = DeploymentMapping.Variants(e.ChampionsJson),
        StartEventSequence = e.StartEventSequence,
        Policy = JsonSerializer.Deserialize(e.PolicyJson, RolloutStorageJsonContext.Default.RolloutPolicy) ?? new RolloutPolicy(),
        State = Enum.Parse<RolloutState>(e.State),
        StepIndex = e.StepIndex,
        Weight = e.Weight,
        StepStartedAt = e.StepStartedAt,
        Failures = e.Failures,
        Inconclusive = e.Inconclusive,
        Actor = e.Actor,
        Trigger = e.Trigger,
        CreatedAt = e.CreatedAt,
        UpdatedAt = e.UpdatedAt,
        Revision = e.Revision,
    };

    public static RolloutDecisionEntity ToEntity(RolloutDecision d, long rolloutId) => new()
    {
        RolloutId = rolloutId,
        Timestamp = d.Timestamp,
        Step = d.Step,
        Weight = d.Weight,
        Action = d.Action.ToString(),
        Actor = d.Actor,
        Reason = d.Reason,
        NumbersJson = d.Numbers is null ? null : JsonSerializer.Serialize(d.Numbers, RolloutStorageJsonContext.Default.RolloutNumbers),
    };

    public static RolloutDecision ToDomain(RolloutDecisionEntity e) => new()
    {
        Id = e.Id,
        RolloutId = e.RolloutId,
        Timestamp = e.Timestamp,
        Step = e.Step,
        Weight = e.Weight,
        Action = Enum.Parse<RolloutAction>(e.Action),
        Actor = e.Actor,
        Reason = e.Reason,
        Numbers = e.NumbersJson is null ? null : JsonSerializer.Deserialize(e.NumbersJson, RolloutStorageJsonContext.Default.RolloutNumbers),
    };
}
