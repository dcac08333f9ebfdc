using Cairn.Core.Pipelines;

namespace Cairn.Pipelines.Engine;

/// <summary>
/// Start-up recovery: every unfinished run is advanced in recovery mode, which re-dispatches queued
/// attempts and retries attempts that a dead process left RUNNING. Finished steps are never redone:
/// their COMPLETE/CACHED records are what the coordinator reads.
/// </summary>
public sealed class PipelineReconciler(IPipelineStore store, PipelineCoordinator coordinator)
{
    private readonly IPipelineStore _store = store;
    private readonly PipelineCoordinator _coordinator = coordinator;

    /// <summary>Returns the ids of the runs it resumed.</summary>
    public async Task<IReadOnlyList<string>> ReconcileAsync(CancellationToken cancellationToken)
    {
        var runs = await _store.ListUnfinishedRunIdsAsync(cancellationToken);
        foreach (var runId in runs)
        {
            await _coordinator.AdvanceAsync(runId, recover: true, cancellationToken);
        }

        return runs;
    }
}
