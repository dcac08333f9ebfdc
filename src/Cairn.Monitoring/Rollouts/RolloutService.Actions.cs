using Cairn.Core.Monitoring;
using Cairn.Serving.Deployments;

namespace Cairn.Monitoring.Rollouts;

/// <summary>What people do to a rollout: pause it, resume it, abort it.</summary>
public sealed partial class RolloutService
{
    /// <summary>Stops the analyses; the candidate keeps its current weight until resumed or aborted (Argo's pause).</summary>
    public Task<Rollout> PauseAsync(string? deployment, ChangeContext change, CancellationToken cancellationToken) =>
        ActAsync(deployment, change, "paused", async (r, actor, now) =>
        {
            if (r.State != RolloutState.Progressing)
            {
                throw NotActive(r, "paused (only a progressing rollout can)");
            }

            await RecordAsync(r, r with { State = RolloutState.Paused }, RolloutAction.Pause, actor, Reason(r, $"paused by {actor}{Why(change)}"), null, now, cancellationToken);
        }, cancellationToken);

    /// <summary>Continues a paused rollout at its current step with a fresh window and no inconclusive analyses counted.</summary>
    public Task<Rollout> ResumeAsync(string? deployment, ChangeContext change, CancellationToken cancellationToken) =>
        ActAsync(deployment, change, "resumed", async (r, actor, now) =>
        {
            if (r.State != RolloutState.Paused)
            {
                throw NotActive(r, "resumed (only a paused rollout can)");
            }

            var traffic = metrics.TrafficOf(r.Deployment);
            var resumed = r with { State = RolloutState.Progressing, StepStartedAt = now, Inconclusive = 0 };
            await RecordAsync(r, resumed, RolloutAction.Resume, actor, Reason(r, $"resumed by {actor} at step {r.StepIndex + 1} ({r.Weight}%){Why(change)}"), null, now, cancellationToken);
            baselines.Set(r.Id, now, traffic);
        }, cancellationToken);

    /// <summary>Ends an active rollout: the candidate is taken out and the champions get their traffic back.</summary>
    public Task<Rollout> AbortAsync(string? deployment, ChangeContext change, CancellationToken cancellationToken) =>
        ActAsync(deployment, change, "aborted", async (r, actor, now) =>
        {
            if (!r.IsActive)
            {
                throw NotActive(r, "aborted (it already ended)");
            }

            var reason = Reason(r, $"aborted by {actor} at step {r.StepIndex + 1} ({r.Weight}%){Why(change)}");
            await RestoreChampionsAsync(r, actor, reason, cancellationToken);
            baselines.Remove(r.Id);
            await RecordAsync(r, r with { State = RolloutState.Aborted, Weight = 0 }, RolloutAction.Abort, actor, reason, null, now, cancellationToken);
        }, cancellationToken);

    private async Task<Rollout> ActAsync(
        string? deployment, ChangeContext change, string what, Func<Rollout, string, long, Task> act, CancellationToken cancellationToken)
    {
        var actor = DeploymentRules.Actor(change.Actor);
        DeploymentRules.Reason(change.Reason);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var r = await CurrentAsync(deployment, cancellationToken);
            if (!r.IsActive)
            {
                throw NotActive(r, what);
            }

            await act(r, actor, Now());
            return await GetAsync(r.Id, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string Why(ChangeContext change) => string.IsNullOrWhiteSpace(change.Reason) ? "" : ": " + change.Reason.Trim();
}
