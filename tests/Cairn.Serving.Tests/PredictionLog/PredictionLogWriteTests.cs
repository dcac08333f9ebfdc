using Cairn.Serving.PredictionLog;

namespace Cairn.Serving.Tests.PredictionLog;

public sealed class PredictionLogWriteTests
{
    private static readonly long Day1 = PredictionLogHarness.Ms(2026, 3, 1, 10);

    [Fact]
    public async Task Stop_AfterNRecords_WritesExactlyNRowsAndNoTemporaryFiles()
    {
        await using var log = new PredictionLogHarness(o => o.BatchSize = 1000);
        await log.StartAsync();
        const int n = 25_000;
        for (var i = 0; i < n; i++)
        {
            Assert.True(log.Log.TryRecord(PredictionLogHarness.Record($"r{i}", Day1 + i, deployment: i % 3 == 0 ? "other" : "weather")));
        }

        await log.StopAsync();

        var weather = await log.ReadAllAsync();
        var other = await log.ReadAllAsync("other");
        Assert.Equal(n, weather.RowCount + other.RowCount);
        Assert.Equal(n / 3 + 1, other.RowCount);
        Assert.Equal(n, log.Log.Stats.Written);
        Assert.Equal(0, log.Log.Stats.QueueDepth);
        Assert.Equal(n, weather.RequestIds.Concat(other.RequestIds).Distinct().Count());
        Assert.True(log.Files().Count() >= n / 1000, "batches of at most 1000 records make at least 25 segments");
        Assert.DoesNotContain(log.Files(), f => Path.GetFileName(f).StartsWith('.'));
    }

    [Fact]
    public async Task TryRecord_WhenBufferIsFull_DropsAndCountsWithoutBlocking()
    {
        await using var log = new PredictionLogHarness(o => o.Capacity = 10);
        var accepted = Enumerable.Range(0, 15).Count(i => log.Log.TryRecord(PredictionLogHarness.Record($"r{i}", Day1 + i)));

        Assert.Equal(10, accepted);
        Assert.Equal(new Core.Serving.PredictionLogStats(10, 0, 5, 0), log.Log.Stats);

        await log.StartAsync();
        await log.StopAsync();
        Assert.Equal(10, (await log.ReadAllAsync()).RowCount);
        Assert.Equal(new Core.Serving.PredictionLogStats(0, 10, 5, 0), log.Log.Stats);
    }

    [Fact]
    public async Task TryRecord_AfterStop_IsRefusedAndCountedAsDropped()
    {
        await using var log = new PredictionLogHarness();
        await log.StartAsync();
        await log.StopAsync();

        Assert.False(log.Log.TryRecord(PredictionLogHarness.Record("late", Day1)));
        Assert.Equal(1, log.Log.Stats.Dropped);
    }

    [Fact]
    public async Task Writer_WhileRunning_FlushesWithinTheIntervalWithoutAStop()
    {
        await using var log = new PredictionLogHarness(o => o.FlushInterval = TimeSpan.FromMilliseconds(100));
        await log.StartAsync();
        log.Log.TryRecord(PredictionLogHarness.Record("r1", Day1));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (log.Log.Stats.Written == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(1, (await log.ReadAllAsync()).RowCount);
    }

    [Fact]
    public async Task TryRecord_FromConcurrentWriters_LosesNothing()
    {
        await using var log = new PredictionLogHarness(o => o.BatchSize = 2000);
        await log.StartAsync();
        const int writers = 4, each = 10_000;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < each; i++)
            {
                Assert.True(log.Log.TryRecord(PredictionLogHarness.Record($"w{w}-{i}", Day1 + i)));
            }
        })));
        await log.StopAsync();

        var all = await log.ReadAllAsync();
        Assert.Equal(writers * each, all.RowCount);
        Assert.Equal(writers * each, all.RequestIds.Distinct().Count());
        Assert.True(all.Timestamps.Zip(all.Timestamps.Skip(1)).All(p => p.First <= p.Second), "rows come back ordered by time");
    }

    [Fact]
    public async Task Segments_AcrossMidnight_AreSplitIntoDayDirectories()
    {
        await using var log = new PredictionLogHarness();
        await log.StartAsync();
        var beforeMidnight = PredictionLogHarness.Ms(2026, 3, 1, 23, 59);
        log.Log.TryRecord(PredictionLogHarness.Record("a", beforeMidnight));
        log.Log.TryRecord(PredictionLogHarness.Record("b", beforeMidnight + 120_000));
        await log.StopAsync();

        var days = Directory.GetDirectories(Path.Combine(log.Root, "weather")).Select(d => Path.GetFileName(d)).Order().ToArray();
        Assert.Equal<IEnumerable<string?>>(["2026-03-01", "2026-03-02"], days);
        Assert.All(log.Files(), f => Assert.Matches(@"^\d{13}-\d{13}-[0-9a-f]{8}-\d{6}\.parquet$", Path.GetFileName(f)));
    }
}
