using Cairn.Pipelines.Engine;
using Hangfire;

namespace Cairn.Pipelines.Hangfire;

/// <summary>The Hangfire job of one step attempt. Its arguments are ids only, so the queue can be rebuilt from the store.</summary>
public sealed class PipelineStepJob(StepExecutor executor)
{
    private readonly StepExecutor _executor = executor;

    // Retries are the platform's (per step, recorded as attempts), not Hangfire's.
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(string runId, string stepId, int attempt, CancellationToken cancellationToken) =>
        _executor.ExecuteAsync(new StepWorkItem(runId, stepId, attempt), cancellationToken);
}
