using System.Diagnostics;
using System.Threading.Channels;
using Cairn.Core.Serving;
using Cairn.Serving.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cairn.Serving.Inference;

/// <summary>
/// Scores shadow variants off the hot path: requests hand a copy to a bounded queue (never waiting; a full
/// queue drops the copy and counts it) and one background task drains it, logging each shadow answer with
/// Shadow = true. Shadow answers are never returned to the caller.
/// </summary>
public sealed class ShadowScorer : BackgroundService
{
    private readonly Channel<ShadowWork> _queue;
    private readonly IPredictionLog _log;
    private readonly IServingMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<ShadowScorer> _logger;
    private long _dropped;
    private long _scored;

    public ShadowScorer(IPredictionLog log, IServingMetrics metrics, TimeProvider time, IOptions<InferenceOptions> options, ILogger<ShadowScorer> logger)
    {
        _log = log;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<ShadowWork>(new BoundedChannelOptions(Math.Max(1, options.Value.ShadowQueueCapacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: a full queue refuses instead of blocking
        });
    }

    /// <summary>Copies dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Shadow scorings done (one per shadow variant and request).</summary>
    public long Scored => Interlocked.Read(ref _scored);

    public int QueueDepth => _queue.Reader.Count;

    /// <summary>Hands a copy to the background scorer; never blocks.</summary>
    public bool TryEnqueue(ShadowWork work)
    {
        if (_queue.Writer.TryWrite(work))
        {
            return true;
        }

        if (Interlocked.Increment(ref _dropped) % 1000 == 1)
        {
            _logger.LogWarning("Shadow queue full: {Dropped} shadow scorings dropped so far", Dropped);
        }

        return false;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                Score(work);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: copies still queued are dropped (they were never promised to anyone).
        }
    }

    private void Score(ShadowWork work)
    {
        foreach (var shadow in work.Route.Shadows)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var predictions = shadow.Model.Scorer.Score(work.Batch.ToTable());
                var elapsed = Stopwatch.GetElapsedTime(started);
                PredictionLogging.Record(_log, work.Route, shadow, work.Batch, predictions, work.RequestId, work.Timestamp, elapsed, shadow: true);
                _metrics.RecordShadow(work.Route.Name, shadow.Name, true, elapsed.TotalSeconds);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A failing shadow must never affect the live answer; it is counted and logged.
                _metrics.RecordShadow(work.Route.Name, shadow.Name, false, Stopwatch.GetElapsedTime(started).TotalSeconds);
                _logger.LogWarning(e, "Shadow variant {Variant} of {Deployment} failed", shadow.Name, work.Route.Name);
            }

            Interlocked.Increment(ref _scored);
        }
    }
}
