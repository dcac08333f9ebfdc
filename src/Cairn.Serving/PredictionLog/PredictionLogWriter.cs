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
        var batch = new List<PredictionRecord>(Math.Min(options.BatchSize, 65_536));
        var reader = log.Reader;
        while (await reader.WaitToReadAsync(abort))
        {
            var started = time.GetTimestamp();
            while (batch.Count < options.BatchSize)
            {
                while (batch.Count < options.BatchSize && reader.TryRead(out var record))
                {
                    batch.Add(record);
                }

                var remaining = options.FlushInterval - time.GetElapsedTime(started);
                if (batch.Count >= options.BatchSize || remaining <= TimeSpan.Zero || !await WaitAsync(reader, remaining, abort))
                {
                    break;
                }
            }

            await FlushAsync(batch, abort);
            batch.Clear();
        }
    }

    /// <summary>True when more records arrived within <paramref name="timeout"/>; false on timeout or when the buffer is closed and empty.</summary>
    private async Task<bool> WaitAsync(System.Threading.Channels.ChannelReader<PredictionRecord> reader, TimeSpan timeout, CancellationToken abort)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(abort, timer.Token);
        try
        {
            return await reader.WaitToReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!abort.IsCancellationRequested)
        {
            return false;
        }
    }

    private static bool IsSorted(List<PredictionRecord> records)
    {
        for (var i = 1; i < records.Count; i++)
        {
            if (records[i].Timestamp < records[i - 1].Timestamp)
            {
                return false;
            }
        }

        return true;
    }

    private async Task FlushAsync(List<PredictionRecord> batch, CancellationToken abort)
    {
        var groups = batch.GroupBy(r => (r.Deployment, Day: PredictionLogLayout.Day(r.Timestamp)));
        foreach (var group in groups)
        {
            var records = group.ToList();
            if (!IsSorted(records))
            {
                // Stable, so records with equal timestamps keep their arrival order.
                records = [.. records.OrderBy(r => r.Timestamp)];
            }

            var directory = PredictionLogLayout.DayDirectory(PredictionLogLayout.DeploymentDirectory(log.Options.Directory, group.Key.Deployment), group.Key.Day);
            var name = PredictionLogLayout.SegmentName(records[0].Timestamp, records[^1].Timestamp, _writerId, ++_sequence);
            try
            {
                Directory.CreateDirectory(directory);
                await PredictionSegmentWriter.WriteAsync(Path.Combine(directory, name), records, abort);
                log.AddWritten(records.Count);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or NotSupportedException)
            {
                // A full or read-only disk must not stop serving: the records are counted as dropped and the writer goes on.
                log.AddDropped(records.Count);
                logger.LogError(e, "Could not write {Count} prediction records of deployment {Deployment} to {Directory}.", records.Count, group.Key.Deployment, directory);
            }
        }
    }
}
