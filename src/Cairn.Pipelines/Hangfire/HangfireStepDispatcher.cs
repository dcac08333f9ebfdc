using Cairn.Pipelines.Engine;
using Hangfire;

namespace Cairn.Pipelines.Hangfire;

/// <summary>Dispatches step attempts as Hangfire jobs (enqueued, or scheduled for a retry backoff).</summary>
public sealed class HangfireStepDispatcher(HangfireWorkerHost host) : IStepDispatcher
{
    private readonly IBackgroundJobClient _client = host.Client;

    public Task DispatchAsync(StepWorkItem item, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay > TimeSpan.Zero)
        {
            _client.Schedule<PipelineStepJob>(j => j.RunAsync(item.RunId, item.StepId, item.Attempt, CancellationToken.None), delay);
        }
        else
        {
            _client.Enqueue<PipelineStepJob>(j => j.RunAsync(item.RunId, item.StepId, item.Attempt, CancellationToken.None));
        }

        return Task.CompletedTask;
    }
}
