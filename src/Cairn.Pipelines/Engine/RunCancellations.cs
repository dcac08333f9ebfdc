using System.Collections.Concurrent;

namespace Cairn.Pipelines.Engine;

/// <summary>Per-run cancellation tokens of this process, so canceling a run stops its running steps here.</summary>
public sealed class RunCancellations : IDisposable
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _runs = new();

    public CancellationToken TokenFor(string runId) => _runs.GetOrAdd(runId, _ => new CancellationTokenSource()).Token;

    public void Cancel(string runId) => _runs.GetOrAdd(runId, _ => new CancellationTokenSource()).Cancel();

    /// <summary>Drops a finished run's source. It is not disposed: a step that is still unwinding may hold its token.</summary>
    public void Forget(string runId) => _runs.TryRemove(runId, out _);

    public void Dispose()
    {
        foreach (var source in _runs.Values)
        {
            source.Dispose();
        }

        _runs.Clear();
    }
}
