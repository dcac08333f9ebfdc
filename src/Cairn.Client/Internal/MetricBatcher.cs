using System.Runtime.ExceptionServices;
using Cairn.Contracts.Mlflow.Tracking;

namespace Cairn.Client.Internal;

/// <summary>
/// Buffers an active run's metrics and sends them in background batches, one batch at a time and in order.
/// A batch goes out when it is full, when the flush interval has passed since the first waiting metric, or on
/// <see cref="FlushAsync"/>. A failed send is remembered and thrown by the next call (of this batcher or
/// its run), so no failure is silently lost; the metrics of a failed batch are not re-sent.
/// </summary>
internal sealed class MetricBatcher : IAsyncDisposable
{
    private readonly Func<IReadOnlyList<MetricDto>, Task> _send;
    private readonly int _batchSize;
    private readonly int _maxQueuedBatches;
    private readonly TimeSpan _flushInterval;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private List<MetricDto> _pending = [];
    private Task _tail = Task.CompletedTask;
    private int _queuedBatches;
    private ExceptionDispatchInfo? _failure;
    private ITimer? _timer;

    public MetricBatcher(Func<IReadOnlyList<MetricDto>, Task> send, int batchSize, int maxQueuedBatches, TimeSpan flushInterval, TimeProvider time)
    {
        _send = send;
        _batchSize = batchSize;
        _maxQueuedBatches = maxQueuedBatches;
        _flushInterval = flushInterval;
        _time = time;
    }

    public async ValueTask AddAsync(MetricDto metric, CancellationToken cancellationToken)
    {
        ThrowIfFailed();
        Task? backlog = null;
        lock (_gate)
        {
            _pending.Add(metric);
            if (_pending.Count >= _batchSize)
            {
                EnqueuePending();
                if (_queuedBatches > _maxQueuedBatches)
                {
                    // The network is slower than the script: wait for the backlog instead of growing without bound.
                    backlog = _tail;
                }
            }
            else
            {
                _timer ??= _time.CreateTimer(static s => ((MetricBatcher)s!).OnTimer(), this, _flushInterval, Timeout.InfiniteTimeSpan);
            }
        }

        if (backlog is not null)
        {
            await backlog.WaitAsync(cancellationToken);
            ThrowIfFailed();
        }
    }

    /// <summary>Sends everything buffered and waits for every batch in flight; throws a pending failure.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        Task tail;
        lock (_gate)
        {
            if (_pending.Count > 0)
            {
                EnqueuePending();
            }

            tail = _tail;
        }

        await tail.WaitAsync(cancellationToken);
        ThrowIfFailed();
    }

    /// <summary>Throws (once) the failure of an earlier background send.</summary>
    public void ThrowIfFailed()
    {
        ExceptionDispatchInfo? failure;
        lock (_gate)
        {
            failure = _failure;
            _failure = null;
        }

        failure?.Throw();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await FlushAsync(CancellationToken.None);
        }
        finally
        {
            lock (_gate)
            {
                _timer?.Dispose();
                _timer = null;
            }
        }
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
            if (_pending.Count > 0)
            {
                EnqueuePending();
            }
        }
    }

    // Called under _gate. Each batch waits for the previous one, so the server sees metrics in logging order.
    private void EnqueuePending()
    {
        var batch = _pending;
        _pending = [];
        _timer?.Dispose();
        _timer = null;
        _queuedBatches++;
        var previous = _tail;
        _tail = Task.Run(() => SendAfterAsync(previous, batch));
    }

    private async Task SendAfterAsync(Task previous, List<MetricDto> batch)
    {
        await previous; // never faults: failures are captured below
        try
        {
            await _send(batch);
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                _failure ??= ExceptionDispatchInfo.Capture(e);
            }
        }
        finally
        {
            lock (_gate)
            {
                _queuedBatches--;
            }
        }
    }
}
