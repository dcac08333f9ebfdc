using Cairn.Core.Serving;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cairn.Serving.PredictionLog;

/// <summary>
/// Drains the prediction log's buffer in batches (up to <see cref="PredictionLogOptions.BatchSize"/>
/// records, or what arrived within <see cref="PredictionLogOptions.FlushInterval"/> of the first one)
/// and writes each batch as segments, one per deployment and UTC day. Stopping closes the buffer and
/// writes everything still in it before returning, so a graceful stop loses nothing.
/// </summary>
public sealed class PredictionLogWriter(PredictionLog log, TimeProvider time, ILogger<PredictionLogWriter> logger) : IHostedService, IDisposable
{
    // Distinguishes processes writing into the same day directory (restarts, several servers on one disk).
    private readonly string _writerId = Guid.NewGuid().ToString("N")[..8];
    private readonly CancellationTokenSource _abort = new();

    /// <summary>How long the writer sleeps when the buffer is empty and the batch is neither full nor due.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private long _sequence;
    private Task? _loop;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop ??= Task.Run(() => RunAsync(_abort.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        log.Complete();
        if (_loop is null)
        {
            return;
        }

        // Only the host's shutdown deadline aborts the drain; until then every buffered record is written.
        await using (cancellationToken.Register(_abort.Cancel))
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                var lost = log.Stats.QueueDepth;
                log.AddDropped(lost);
                logger.LogWarning("Prediction log stopped before draining: {Lost} buffered records were not written.", lost);
            }
        }
    }

    public void Dispose() => _abort.Dispose();

    private async Task RunAsync(CancellationToken abort)
    {
        var options = log.Options;
        var segments = new Dictionary<(string Deployment, DateOnly Day), SegmentBuffer>();
        var reader = log.Reader;
        while (await reader.WaitToReadAsync(abort))
        {
            var started = time.GetTimestamp();
            var count = 0;
            while (count < options.BatchSize)
            {
                while (count < options.BatchSize && reader.TryRead(out var record))
                {
                    // Into columns at once, so the record and what it references die young (see SegmentBuffer).
                    var key = (record.Deployment, PredictionLogLayout.Day(record.Timestamp));
                    if (!segments.TryGetValue(key, out var segment))
                    {
                        segment = new SegmentBuffer(key.Deployment, key.Item2);
                        segments[key] = segment;
                    }

                    segment.Add(record);
                    count++;
                }

                var remaining = options.FlushInterval - time.GetElapsedTime(started);
                if (count >= options.BatchSize || remaining <= TimeSpan.Zero || reader.Completion.IsCompleted)
                {
                    break;
                }

                // Let records gather instead of waking per record: under load, a wake per request (a timer, two
                // token sources and a thread-pool hop each) is overhead the serving threads pay for.
                await Task.Delay(remaining < PollInterval ? remaining : PollInterval, time, abort);
            }

            foreach (var segment in segments.Values)
            {
                await FlushAsync(segment, abort);
            }

            segments.Clear();
        }
    }

    private async Task FlushAsync(SegmentBuffer segment, CancellationToken abort)
    {
        var directory = PredictionLogLayout.DayDirectory(PredictionLogLayout.DeploymentDirectory(log.Options.Directory, segment.Deployment), segment.Day);
        var name = PredictionLogLayout.SegmentName(segment.Timestamps.Min(), segment.Timestamps.Max(), _writerId, ++_sequence);
        try
        {
            Directory.CreateDirectory(directory);
            await PredictionSegmentWriter.WriteAsync(Path.Combine(directory, name), segment, abort);
            log.AddWritten(segment.Count);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            // A full or read-only disk must not stop serving: the records are counted as dropped and the writer goes on.
            log.AddDropped(segment.Count);
            logger.LogError(e, "Could not write {Count} prediction records of deployment {Deployment} to {Directory}.", segment.Count, segment.Deployment, directory);
        }
    }
}
