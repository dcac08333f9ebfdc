namespace Cairn.Pipelines.Engine;

/// <summary>One step attempt to run. It carries ids only: everything else is loaded from the metadata store.</summary>
public sealed record StepWorkItem(string RunId, string StepId, int Attempt);

/// <summary>Hands ready step attempts to workers (Hangfire, or in-process for tests).</summary>
public interface IStepDispatcher
{
    /// <summary>Queues the attempt to start after <paramref name="delay"/>. Dispatching an attempt twice is harmless.</summary>
    Task DispatchAsync(StepWorkItem item, TimeSpan delay, CancellationToken cancellationToken);
}
