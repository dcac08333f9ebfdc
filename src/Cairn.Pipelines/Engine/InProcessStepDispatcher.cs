using System.Collections.Concurrent;

namespace Cairn.Pipelines.Engine;

/// <summary>
/// Runs step attempts on the thread pool of this process (no queue to lose: the reconciler rebuilds
/// from the store). Used by tests and embedded tools; the server uses Hangfire.
/// </summary>
public sealed class InProcessStepDispatcher(Func<StepExecutor> executor, PipelineEngineOptions options, TimeProvider time) : IStepDispatcher, IAsyncDisposable
{
    private readonly Func<StepExecutor> _executor = executor;
    private readonly TimeProvider _time = time;
    private readonly SemaphoreSlim _slots = new(options.WorkerCount);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private int _disposed;

    public Task DispatchAsync(StepWorkItem item, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (_shutdown.IsCancellationRequested)
        {
            return Task.CompletedTask;
        }

        var task = Task.Run(() => RunAsync(item, delay));
        _running.TryAdd(task, 0);
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
        return Task.CompletedTask;
    }

    /// <summary>Step attempts queued or running now.</summary>
    public int Pending => _running.Count;

    private async Task RunAsync(StepWorkItem item, TimeSpan delay)
    {
        var token = _shutdown.Token;
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _time, token);
            }

            await _slots.WaitAsync(token);
            try
            {
                await _executor().ExecuteAsync(item, token);
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Shut down mid-attempt: the store still says NEW or RUNNING, and the reconciler resumes it.
        }
        catch (ObjectDisposedException) when (token.IsCancellationRequested)
        {
            // The store went away during shutdown.
        }
    }

    /// <summary>Stops taking work, cancels running attempts and waits for them to unwind (like a process stop).</summary>
    public async ValueTask DisposeAsync()
    {
        // Registered under two service types, so the container disposes it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _shutdown.CancelAsync();
        try
        {
            await Task.WhenAll(_running.Keys.ToArray());
        }
        catch (Exception)
        {
            // Attempts interrupted by the shutdown end however they end; the store is the record.
        }

        _shutdown.Dispose();
        _slots.Dispose();
    }
}
