using Cairn.Pipelines.Triggers;
using Cairn.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Cairn.Pipelines.Tests.Triggers;

public sealed class TriggerLoopTests
{
    [Fact]
    public async Task HostedLoop_EvaluatesAtItsInterval_AndFiresADueCronTrigger()
    {
        using var home = new TempDirectory();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 30, TimeSpan.Zero));
        await using var host = await TriggerHost.StartAsync(home.Path, time);
        await host.ApplyAsync("""
            name: every-minute
            steps:
              a: { uses: test.count }
            triggers:
              - cron: "@hourly"
            """);
        using var loop = new TriggerLoop(host.Triggers, new TriggerOptions { Interval = TimeSpan.FromMinutes(10) }, time, NullLogger<TriggerLoop>.Instance);
        await loop.StartAsync(CancellationToken.None);

        // The first pass runs at start-up and only schedules.
        await PollAsync(async () => (await host.TriggerAsync("every-minute")).LastEvaluated is not null, "the first pass");
        Assert.Empty(await host.RunsAsync("every-minute"));

        // Ten minutes later: no hour passed yet. At 13:00:30 the 13:00 occurrence is due.
        time.Advance(TimeSpan.FromMinutes(10));
        await PollAsync(async () => (await host.TriggerAsync("every-minute")).LastEvaluated == time.GetUtcNow().ToUnixTimeMilliseconds(), "the second pass");
        Assert.Empty(await host.RunsAsync("every-minute"));
        for (var i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromMinutes(10));
        }

        // The run id is recorded once the submission returned (stopping the loop earlier would cancel it half-way).
        await PollAsync(async () => (await host.TriggerAsync("every-minute")).LastRunId is not null, "the cron run");
        await loop.StopAsync(CancellationToken.None);
        await host.WaitIdleAsync("every-minute");
        Assert.Equal("cron: \"@hourly\" at 2026-01-01T13:00:00Z", Assert.Single(await host.RunsAsync("every-minute")).Trigger);
    }

    private static async Task PollAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for " + what);
            await Task.Delay(10);
        }
    }
}
