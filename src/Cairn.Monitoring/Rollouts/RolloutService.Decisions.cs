using System.Globalization;
using Cairn.Core.Errors;
using Cairn.Core.Monitoring;
using Cairn.Core.Serving;
using Cairn.Serving.Deployments;

namespace Cairn.Monitoring.Rollouts;

/// <summary>The controller's decisions: analyse a due step and advance, promote, hold, pause or roll back.</summary>
public sealed partial class RolloutService
{
    /// <summary>
    /// Analyses the rollout's current step if it is still Progressing and has lasted its interval, and acts
    /// on the verdict. Returns the decision taken, or null when nothing was due.
    /// </summary>
    public async Task<RolloutDecision?> AnalyseAsync(long id, RolloutEvidenceReader evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var r = await store.GetAsync(id, cancellationToken);
            var now = Now();
            if (r is not { State: RolloutState.Progressing } || now - r.StepStartedAt < r.Policy.IntervalSeconds * 1000)
            {
                return null;
            }

            var deployment = await deployments.Store.GetAsync(r.Deployment, cancellationToken);
            if (deployment?.Variants.Any(v => v.Name == r.CandidateVariant && v.Model == r.Model && v.Version == r.Version) != true)
            {
                var gone = deployment is null ? $"deployment '{r.Deployment}' was deleted" : $"variant '{r.CandidateVariant}' was removed or changed by hand";
                return await RecordAsync(r, r with { State = RolloutState.Aborted }, RolloutAction.Abort, ControllerActor, $"aborted: {gone}", null, now, cancellationToken);
            }

            if (deployment.Status == DeploymentStatus.Paused)
            {
                // A paused deployment answers 503 to everyone: that says nothing about the candidate.
                return null;
            }

            if (baselines.Get(r.Id, r.StepStartedAt) is not { } baseline)
            {
                // This process did not see the step begin (it restarted): count from now on.
                var restarted = r with { StepStartedAt = now };
                var decision = await RecordAsync(r, restarted, RolloutAction.Hold, ControllerActor,
                    "hold: the serving counters of this step were not taken by this server process (it restarted); the step's window starts again now", null, now, cancellationToken);
                baselines.Set(r.Id, now, evidence.Traffic(r.Deployment));
                return decision;
            }

            var (candidate, champion) = await evidence.ReadAsync(r, baseline, cancellationToken);
            var verdict = RolloutAnalysis.Judge(r.Policy, candidate, champion);
            return verdict.Outcome switch
            {
                RolloutOutcome.Pass => await PassAsync(r, verdict, evidence, now, cancellationToken),
                RolloutOutcome.Fail => await FailAsync(r, verdict, evidence, now, cancellationToken),
                _ => await InconclusiveAsync(r, verdict, now, cancellationToken),
            };
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<RolloutDecision> PassAsync(Rollout r, RolloutVerdict verdict, RolloutEvidenceReader evidence, long now, CancellationToken cancellationToken)
    {
        var steps = r.Policy.Steps;
        if (r.StepIndex == steps.Count - 1)
        {
            var reason = Reason(r, $"promoted: step {r.StepIndex + 1}/{steps.Count} at {r.Weight}% {verdict.Reason}");
            await PromoteCandidateAsync(r, ControllerActor, reason, cancellationToken);
            baselines.Remove(r.Id);
            return await RecordAsync(r, r with { State = RolloutState.Promoted, Weight = 100 }, RolloutAction.Promote, ControllerActor, reason, verdict.Numbers, now, cancellationToken);
        }

        var next = r.StepIndex + 1;
        var advance = Reason(r, $"advance to step {next + 1}/{steps.Count} ({steps[next]}%): step {r.StepIndex + 1} at {r.Weight}% {verdict.Reason}");
        var traffic = evidence.Traffic(r.Deployment);
        await SetStepAsync(r, steps[next], ControllerActor, advance, cancellationToken);
        var moved = r with { StepIndex = next, Weight = steps[next], StepStartedAt = Now(), Failures = 0, Inconclusive = 0 };
        baselines.Set(r.Id, moved.StepStartedAt, traffic);
        return await RecordAsync(r, moved, RolloutAction.Advance, ControllerActor, advance, verdict.Numbers, now, cancellationToken);
    }

    private async Task<RolloutDecision> FailAsync(Rollout r, RolloutVerdict verdict, RolloutEvidenceReader evidence, long now, CancellationToken cancellationToken)
    {
        var failures = r.Failures + 1;
        if (failures >= r.Policy.FailureLimit)
        {
            var reason = Reason(r, $"rolled back after {failures} failed analysis(es) (failure_limit {r.Policy.FailureLimit}) at step {r.StepIndex + 1} ({r.Weight}%): {verdict.Reason}");
            await RestoreChampionsAsync(r, ControllerActor, reason, cancellationToken);
            baselines.Remove(r.Id);
            return await RecordAsync(r, r with { State = RolloutState.RolledBack, Failures = failures, Weight = 0 }, RolloutAction.Rollback, ControllerActor, reason, verdict.Numbers, now, cancellationToken);
        }

        // A tolerated failure: the next analysis judges fresh data, not the same window again.
        var hold = Reason(r, $"hold after failed analysis {failures}/{r.Policy.FailureLimit}: {verdict.Reason}");
        var held = r with { Failures = failures, StepStartedAt = now };
        baselines.Set(r.Id, now, evidence.Traffic(r.Deployment));
        return await RecordAsync(r, held, RolloutAction.Hold, ControllerActor, hold, verdict.Numbers, now, cancellationToken);
    }

    private async Task<RolloutDecision> InconclusiveAsync(Rollout r, RolloutVerdict verdict, long now, CancellationToken cancellationToken)
    {
        var inconclusive = r.Inconclusive + 1;
        if (inconclusive >= r.Policy.InconclusiveLimit)
        {
            var reason = Reason(r, $"paused after {inconclusive} inconclusive analyses (inconclusive_limit {r.Policy.InconclusiveLimit}): resume or abort it. Last: {verdict.Reason}");
            return await RecordAsync(r, r with { State = RolloutState.Paused, Inconclusive = inconclusive }, RolloutAction.Pause, ControllerActor, reason, verdict.Numbers, now, cancellationToken);
        }

        // The window keeps growing: the next analysis sees this step's data plus what arrives meanwhile.
        var hold = Reason(r, $"hold ({inconclusive}/{r.Policy.InconclusiveLimit} inconclusive): {verdict.Reason}");
        return await RecordAsync(r, r with { Inconclusive = inconclusive }, RolloutAction.Hold, ControllerActor, hold, verdict.Numbers, now, cancellationToken);
    }

    private async Task<RolloutDecision> RecordAsync(
        Rollout before, Rollout after, RolloutAction action, string actor, string reason, RolloutNumbers? numbers, long now, CancellationToken cancellationToken)
    {
        var decision = Decision(after, action, actor, reason, numbers, now);
        var stored = await store.UpdateAsync(after with { UpdatedAt = now }, before.Revision, decision, cancellationToken);
        return decision with { RolloutId = stored.Id };
    }

    private static string Reason(Rollout r, string text)
    {
        var full = $"rollout {r.Id.ToString(CultureInfo.InvariantCulture)} of '{r.Model}' v{r.Version.ToString(CultureInfo.InvariantCulture)}: {text}";
        return full.Length <= DeploymentRules.MaxReasonLength ? full : full[..(DeploymentRules.MaxReasonLength - 1)] + "…";
    }

    // 409: the request is fine, the rollout's state is what conflicts with it.
    private static CairnException NotActive(Rollout r, string what) => new(
        ErrorCode.ResourceConflict, $"Rollout {r.Id} of deployment '{r.Deployment}' is {r.State}: it cannot be {what}.");
}
