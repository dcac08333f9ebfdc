using Cairn.Core.Pipelines;
using Cairn.Pipelines.Spec;
using Cairn.Pipelines.Tracking;

namespace Cairn.Pipelines.Engine;

/// <summary>
/// Decides what a run does next from the execution states in the metadata store alone: starts ready
/// steps (fan-in: all needs done), schedules retries, fails or completes the run. Every decision is a
/// conditional write (the unique (run, step, attempt) key, state compare-and-set), so calling it
/// concurrently or again after a crash is safe.
/// </summary>
public sealed class PipelineCoordinator(
    IPipelineStore store,
    PipelineDefinitions definitions,
    IStepDispatcher dispatcher,
    RunCancellations cancellations,
    PipelineRunTracker tracker,
    PipelineEngineOptions options)
{
    private readonly PipelineRunTracker _tracker = tracker;
    private readonly IPipelineStore _store = store;
    private readonly PipelineDefinitions _definitions = definitions;
    private readonly IStepDispatcher _dispatcher = dispatcher;
    private readonly RunCancellations _cancellations = cancellations;
    private readonly PipelineEngineOptions _options = options;

    /// <summary>Moves the run forward. With <paramref name="recover"/> (start-up), attempts left RUNNING by a dead process are abandoned and retried, and NEW ones re-dispatched.</summary>
    public async Task AdvanceAsync(string runId, bool recover, CancellationToken cancellationToken)
    {
        var run = await _store.GetRunAsync(runId, cancellationToken);
        if (run is null || run.Status.IsFinished())
        {
            return;
        }

        if (run.TrackingRunId is null)
        {
            // Before the first step is dispatched (or, after a crash, before the run resumes): once per run.
            run = run with { TrackingRunId = await TrackingGuard.TryAsync(() => _tracker.EnsureStartedAsync(run, cancellationToken)) };
        }

        var pipeline = await _definitions.GetAsync(run, cancellationToken);
        var executions = await _store.ListExecutionsAsync(runId, cancellationToken);
        var latest = executions.GroupBy(e => e.StepId).ToDictionary(g => g.Key, g => g.MaxBy(e => e.Attempt)!);
        var inFlight = false;
        ExecutionInfo? failure = null;

        foreach (var stepId in pipeline.Plan.Order)
        {
            var step = pipeline.Plan.Step(stepId);
            if (!latest.TryGetValue(stepId, out var last))
            {
                continue;
            }

            switch (last.State)
            {
                case ExecutionState.New:
                    inFlight = true;
                    if (recover)
                    {
                        await _dispatcher.DispatchAsync(new StepWorkItem(runId, stepId, last.Attempt), TimeSpan.Zero, cancellationToken);
                    }

                    break;
                case ExecutionState.Running when recover:
                    // Nobody runs it any more (this process just started): at-least-once, so run it again.
                    await _store.EndExecutionAsync(last.Id, ExecutionState.Canceled, "abandoned: the worker stopped before the step finished", null, cancellationToken);
                    await StartAttemptAsync(runId, stepId, last.Attempt + 1, TimeSpan.Zero, cancellationToken);
                    inFlight = true;
                    break;
                case ExecutionState.Running:
                    inFlight = true;
                    break;
                case ExecutionState.Canceled:
                    // A canceled attempt in a running run was abandoned by its worker: run it again.
                    await StartAttemptAsync(runId, stepId, last.Attempt + 1, TimeSpan.Zero, cancellationToken);
                    inFlight = true;
                    break;
                case ExecutionState.Failed when FailedAttempts(executions, stepId) <= step.Retries:
                    await StartAttemptAsync(runId, stepId, last.Attempt + 1, _options.BackoffFor(FailedAttempts(executions, stepId)), cancellationToken);
                    inFlight = true;
                    break;
                case ExecutionState.Failed:
                    failure ??= last;
                    break;
            }
        }

        if (failure is not null)
        {
            if (!inFlight)
            {
                await FailRunAsync(run, pipeline, latest, failure, cancellationToken);
            }

            return;
        }

        if (pipeline.Plan.Order.All(id => latest.TryGetValue(id, out var e) && e.State.IsDone()))
        {
            await FinishAsync(run, PipelineRunStatus.Complete, null, [], null, cancellationToken);
            Forget(runId);
            return;
        }

        foreach (var stepId in pipeline.Plan.Ready(id => latest.TryGetValue(id, out var e) && e.State.IsDone(), latest.ContainsKey))
        {
            await StartAttemptAsync(runId, stepId, 1, TimeSpan.Zero, cancellationToken);
        }
    }

    private static int FailedAttempts(IReadOnlyList<ExecutionInfo> executions, string stepId) =>
        executions.Count(e => e.StepId == stepId && e.State == ExecutionState.Failed);

    private async Task StartAttemptAsync(string runId, string stepId, int attempt, TimeSpan delay, CancellationToken cancellationToken)
    {
        // Only the caller that creates the attempt dispatches it: concurrent coordinators do not double-queue.
        if (await _store.TryCreateExecutionAsync(runId, stepId, attempt, ExecutionState.New, null, cancellationToken) is not null)
        {
            await _dispatcher.DispatchAsync(new StepWorkItem(runId, stepId, attempt), delay, cancellationToken);
        }
    }

    private async Task FailRunAsync(PipelineRunInfo run, ResolvedPipeline pipeline, Dictionary<string, ExecutionInfo> latest, ExecutionInfo failure, CancellationToken cancellationToken)
    {
        var reason = $"step '{failure.StepId}' failed: {failure.Error}";
        if (await FinishAsync(run, PipelineRunStatus.Failed, reason, NotStarted(pipeline, latest), $"not run: step '{failure.StepId}' failed", cancellationToken))
        {
            Forget(run.RunId);
        }
    }

    /// <summary>
    /// Finishes the run if it is still running (recording its never-started steps as not run), the tracked run
    /// first so a finished pipeline run always has a finished tracked run; when another caller finished it
    /// meanwhile, the tracked run gets that outcome instead.
    /// </summary>
    internal async Task<bool> FinishAsync(
        PipelineRunInfo run, PipelineRunStatus status, string? error, IReadOnlyCollection<string> notRunSteps, string? notRunReason, CancellationToken cancellationToken)
    {
        if (run.Status.IsFinished())
        {
            return false;
        }

        await TrackingGuard.TryAsync(() => _tracker.MarkFinishedAsync(run, status, error, null, cancellationToken));
        if (await _store.FinishRunAsync(run.RunId, status, error, notRunSteps, notRunReason, cancellationToken))
        {
            return true;
        }

        await TrackingGuard.TryAsync(() => _tracker.SyncFinishedAsync(run.RunId, cancellationToken));
        return false;
    }

    /// <summary>Logs a finished step attempt to the run's tracked run.</summary>
    internal async Task RecordStepAsync(PipelineRunInfo run, long executionId, CancellationToken cancellationToken)
    {
        if (run.TrackingRunId is not null && await _store.GetExecutionAsync(executionId, cancellationToken) is { } execution)
        {
            await TrackingGuard.TryAsync(() => _tracker.RecordStepAsync(run, execution, cancellationToken));
        }
    }

    /// <summary>The steps that never got an execution: the ones a finished run records as "not run", with the reason.</summary>
    internal static IReadOnlyCollection<string> NotStarted(ResolvedPipeline pipeline, IReadOnlyDictionary<string, ExecutionInfo> latest) =>
        pipeline.Plan.Order.Where(id => !latest.ContainsKey(id)).ToList();

    private void Forget(string runId)
    {
        _cancellations.Forget(runId);
        _definitions.Forget(runId);
    }
}
