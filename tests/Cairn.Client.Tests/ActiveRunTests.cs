using System.Net;
using Cairn.Client.Tests.Fakes;
using Cairn.Core.Tracking;
using Microsoft.Extensions.Time.Testing;

namespace Cairn.Client.Tests;

public sealed class ActiveRunTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero));

    private CairnClient ClientFor(FakeMlflowHandler handler, int batchSize = 1000) =>
        new(new HttpClient(handler) { BaseAddress = new Uri("http://cairn.test/") }, new CairnClientOptions
        {
            TimeProvider = _time,
            MetricBatchSize = batchSize,
            MetricFlushInterval = TimeSpan.FromSeconds(5),
            RetryBaseDelay = TimeSpan.Zero,
        });

    private static async Task<ActiveRun> StartAsync(CairnClient client) => await client.StartRunInExperimentAsync("1", "r");

    private static List<double> LoggedValues(FakeMlflowHandler handler) =>
        handler.To("runs/log-batch").SelectMany(r => r.Json.GetProperty("metrics").EnumerateArray()).Select(m => m.GetProperty("value").GetDouble()).ToList();

    [Fact]
    public async Task LogMetric_IsBufferedUntilFlush_ThenSentInOrderWithTimestampAndStep()
    {
        var handler = FakeMlflowHandler.WithRun();
        using var client = ClientFor(handler);
        await using var run = await StartAsync(client);

        for (var i = 0; i < 10; i++)
        {
            await run.LogMetricAsync("loss", i / 10.0, step: i);
        }

        Assert.Empty(handler.To("runs/log-batch"));
        await run.FlushAsync();

        var batch = Assert.Single(handler.To("runs/log-batch")).Json;
        Assert.Equal(run.RunId, batch.GetProperty("run_id").GetString());
        var metrics = batch.GetProperty("metrics").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), metrics.Select(m => m.GetProperty("step").GetInt64()));
        Assert.All(metrics, m => Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), m.GetProperty("timestamp").GetInt64()));
    }

    [Fact]
    public async Task ManyMetrics_AreSentInBatchesOfAtMostAThousand_AllInOrder()
    {
        var handler = FakeMlflowHandler.WithRun();
        using var client = ClientFor(handler);
        await using var run = await StartAsync(client);

        for (var i = 0; i < 2500; i++)
        {
            await run.LogMetricAsync("acc", i, step: i);
        }

        await run.FlushAsync();

        var sizes = handler.To("runs/log-batch").Select(r => r.Json.GetProperty("metrics").GetArrayLength()).ToList();
        Assert.Equal([1000, 1000, 500], sizes);
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => (double)i), LoggedValues(handler));
    }

    [Fact]
    public async Task FullBatch_IsSentInTheBackgroundWithoutFlush()
    {
        var handler = FakeMlflowHandler.WithRun();
        using var client = ClientFor(handler, batchSize: 3);
        await using var run = await StartAsync(client);

        for (var i = 0; i < 3; i++)
        {
            await run.LogMetricAsync("acc", i);
        }

        await Poll.UntilAsync(() => handler.To("runs/log-batch").Any(), "the full batch to be sent");
        Assert.Equal([0.0, 1.0, 2.0], LoggedValues(handler));
    }

    [Fact]
    public async Task WaitingMetrics_AreSentWhenTheFlushIntervalPasses()
    {
        var handler = FakeMlflowHandler.WithRun();
        using var client = ClientFor(handler);
        await using var run = await StartAsync(client);

        await run.LogMetricAsync("acc", 0.5);
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.Empty(handler.To("runs/log-batch"));
        _time.Advance(TimeSpan.FromSeconds(1));

        await Poll.UntilAsync(() => handler.To("runs/log-batch").Any(), "the timed flush");
        Assert.Equal([0.5], LoggedValues(handler));
    }

    [Fact]
    public async Task FailedBackgroundSend_SurfacesOnTheNextCallOnlyOnce()
    {
        var handler = FakeMlflowHandler.WithRun()
            .On("runs/log-batch", HttpStatusCode.BadRequest, """{"error_code":"INVALID_PARAMETER_VALUE","message":"bad metric"}""");
        using var client = ClientFor(handler, batchSize: 1);
        await using var run = await StartAsync(client);

        await run.LogMetricAsync("acc", 1);

        CairnApiException? surfaced = null;
        await Poll.UntilAsync(async () =>
        {
            try
            {
                await run.SetTagAsync("k", "v");
                return false;
            }
            catch (CairnApiException e)
            {
                surfaced = e;
                return true;
            }
        }, "the failed batch to surface");
        Assert.Equal("INVALID_PARAMETER_VALUE", surfaced!.ErrorCode);
        Assert.Equal("bad metric", surfaced.Message);

        await run.SetTagAsync("k", "v");
        await run.FlushAsync();
    }

    [Fact]
    public async Task FailedSend_SurfacesOnFlush()
    {
        var handler = FakeMlflowHandler.WithRun()
            .On("runs/log-batch", HttpStatusCode.NotFound, """{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"run gone"}""");
        using var client = ClientFor(handler);
        await using var run = await StartAsync(client);
        await run.LogMetricAsync("acc", 1);

        var e = await Assert.ThrowsAsync<CairnApiException>(() => run.FlushAsync());

        Assert.Equal("RESOURCE_DOES_NOT_EXIST", e.ErrorCode);
    }

    [Fact]
    public async Task Dispose_FlushesMetricsThenEndsTheRunFinished()
    {
        var handler = FakeMlflowHandler.WithRun();
        using var client = ClientFor(handler);
        await using (var run = await StartAsync(client))
        {
            await run.LogMetricAsync("acc", 0.9);
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        var routes = handler.Requests.Select(r => r.Path[(r.Path.LastIndexOf("mlflow/", StringComparison.Ordinal) + 7)..]).ToList();
        Assert.Equal(["runs/create", "runs/log-batch", "runs/update"], routes);
        var update = handler.To("runs/update").Single().Json;
        Assert.Equal("FINISHED", update.GetProperty("status").GetString());
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), update.GetProperty("end_time").GetInt64());
    }

    [Fact]
    public async Task EndFailed_IsTheOnlyEnd_AndLoggingAfterwardsIsRefused()
    {
        var handler = FakeMlflowHandler.WithRun();
        using var client = ClientFor(handler);
        var run = await StartAsync(client);

        await run.EndAsync(RunStatus.Failed);
        await run.DisposeAsync();

        Assert.Equal("FAILED", handler.To("runs/update").Single().Json.GetProperty("status").GetString());
        Assert.True(run.IsEnded);
        await Assert.ThrowsAsync<InvalidOperationException>(() => run.LogParamAsync("a", "b"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => run.EndAsync());
    }

    [Fact]
    public async Task Dispose_WithFailedMetrics_StillEndsTheRunThenThrows()
    {
        var handler = FakeMlflowHandler.WithRun()
            .On("runs/log-batch", HttpStatusCode.BadRequest, """{"error_code":"INVALID_PARAMETER_VALUE","message":"bad metric"}""");
        using var client = ClientFor(handler);
        var run = await StartAsync(client);
        await run.LogMetricAsync("acc", 1);

        await Assert.ThrowsAsync<CairnApiException>(async () => await run.DisposeAsync());

        Assert.Single(handler.To("runs/update"));
    }

    [Fact]
    public async Task LogText_PutsUtf8BytesUnderTheRunsArtifactRoot()
    {
        var handler = FakeMlflowHandler.WithRun("abcdef0123456789abcdef0123456789", "3");
        using var client = ClientFor(handler);
        await using var run = await StartAsync(client);

        await run.LogTextAsync("héllo", "notes/n.txt");

        var put = Assert.Single(handler.Requests, r => r.Method == HttpMethod.Put);
        Assert.Equal("/api/2.0/mlflow-artifacts/artifacts/3/abcdef0123456789abcdef0123456789/artifacts/notes/n.txt", put.Path);
        Assert.Equal("héllo", put.Body);
    }
}
