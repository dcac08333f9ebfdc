using Cairn.Pipelines.Triggers;
using Cairn.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cairn.Pipelines.Tests.Triggers;

public sealed class ScheduleAndDataTriggerTests
{
    private static string Spec(string trigger) => $$"""
        name: retrain
        steps:
          train: { uses: test.count }
        triggers:
          - {{trigger}}
        """;

    [Fact]
    public async Task CronTrigger_FiresAtTheScheduledTime_OncePerOccurrence()
    {
        using var home = new TempDirectory();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 2, 58, 0, TimeSpan.Zero));
        await using var host = await TriggerHost.StartAsync(home.Path, time);
        await host.ApplyAsync(Spec("cron: \"0 3 * * *\""));
        await host.EvaluateAsync();
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 3, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), (await host.ViewAsync("retrain")).NextTime);

        time.Advance(TimeSpan.FromSeconds(110));
        await host.EvaluateAsync();
        Assert.Empty(await host.RunsAsync("retrain"));

        time.Advance(TimeSpan.FromSeconds(15));
        await host.EvaluateAsync();
        await host.EvaluateAsync();
        await host.WaitIdleAsync("retrain");
        var run = Assert.Single(await host.RunsAsync("retrain"));
        Assert.Equal("cron: \"0 3 * * *\" at 2026-01-01T03:00:00Z", run.Trigger);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), (await host.ViewAsync("retrain")).NextTime);

        time.Advance(TimeSpan.FromHours(24));
        await host.EvaluateAsync();
        await host.WaitIdleAsync("retrain");
        Assert.Equal("cron: \"0 3 * * *\" at 2026-01-02T03:00:00Z", (await host.RunsAsync("retrain"))[0].Trigger);
        Assert.Equal(2, (await host.RunsAsync("retrain")).Count);
    }

    [Fact]
    public async Task DataTrigger_FiresOncePerNewVersion_AndNotForTheVersionSeenFirst()
    {
        using var home = new TempDirectory();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        await using var host = await TriggerHost.StartAsync(home.Path, time);
        var v1 = await host.ImportAsync("seattle-weather", 1);
        await host.ApplyAsync(Spec("data: { dataset: seattle-weather }\n    cooldown: 0"));

        await host.EvaluateAsync();
        await host.EvaluateAsync();
        Assert.Empty(await host.RunsAsync("retrain"));
        Assert.Equal(v1.Version.Version, (await host.TriggerAsync("retrain")).LastDatasetVersion);

        time.Advance(TimeSpan.FromMinutes(1));
        var v2 = await host.ImportAsync("seattle-weather", 2);
        await host.EvaluateAsync();
        await host.EvaluateAsync();
        await host.WaitIdleAsync("retrain");
        var run = Assert.Single(await host.RunsAsync("retrain"));
        Assert.Equal($"data: dataset seattle-weather new version {v2.Version.Version[..12]} (5 rows, was {v1.Version.Version[..12]})", run.Trigger);

        // Importing the same bytes again is the same version: nothing new.
        await host.ImportAsync("seattle-weather", 2);
        await host.EvaluateAsync();
        Assert.Single(await host.RunsAsync("retrain"));

        time.Advance(TimeSpan.FromMinutes(1));
        await host.ImportAsync("seattle-weather", 3);
        await host.EvaluateAsync();
        await host.WaitIdleAsync("retrain");
        Assert.Equal(2, (await host.RunsAsync("retrain")).Count);
    }

    [Fact]
    public async Task DataTrigger_NewVersionDuringTheCooldown_FiresWhenTheCooldownEnds()
    {
        using var home = new TempDirectory();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        await using var host = await TriggerHost.StartAsync(home.Path, time);
        await host.ApplyAsync(Spec("data: { dataset: sales }\n    cooldown: 30m"));
        await host.EvaluateAsync();
        Assert.Equal("watching dataset sales (no version yet)", (await host.TriggerAsync("retrain")).LastReason);

        await host.ImportAsync("sales", 1);
        await host.EvaluateAsync();
        await host.WaitIdleAsync("retrain");
        time.Advance(TimeSpan.FromMinutes(1));
        await host.ImportAsync("sales", 2);
        await host.EvaluateAsync();
        Assert.Single(await host.RunsAsync("retrain"));
        Assert.Contains("not fired: cooling down until 2026-01-01T12:30:00Z", (await host.TriggerAsync("retrain")).LastReason, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromMinutes(30));
        await host.EvaluateAsync();
        await host.WaitIdleAsync("retrain");
        Assert.Equal(2, (await host.RunsAsync("retrain")).Count);
    }

    [Fact]
    public async Task Restart_KeepsTriggerState_SoNothingRefiresOrIsForgotten()
    {
        using var home = new TempDirectory();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var monitor = new InMemoryMonitorStore();
        var spec = """
            name: retrain
            steps:
              train: { uses: test.count }
            triggers:
              - drift: { deployment: weather }
                cooldown: 1m
              - data: { dataset: sales }
                cooldown: 0
            """;
        string firstRun;
        await using (var host = await TriggerHost.StartAsync(home.Path, time, monitor))
        {
            await host.ImportAsync("sales", 1);
            await host.ApplyAsync(spec);
            await monitor.AddDriftAsync("weather", 1, host.Now);
            await host.EvaluateAsync();
            await host.WaitIdleAsync("retrain");
            firstRun = Assert.Single(await host.RunsAsync("retrain")).RunId;
        }

        time.Advance(TimeSpan.FromMinutes(5));
        await using (var host = await TriggerHost.StartAsync(home.Path, time, monitor))
        {
            await host.EvaluateAsync();
            Assert.Single(await host.RunsAsync("retrain"));
            var drift = await host.TriggerAsync("retrain", 0);
            Assert.Equal(firstRun, drift.LastRunId);
            Assert.Equal(1, drift.LastReportId);

            // Re-applying the same triggers keeps their memory too.
            await host.ApplyAsync(spec);
            await host.EvaluateAsync();
            Assert.Single(await host.RunsAsync("retrain"));

            time.Advance(TimeSpan.FromMinutes(1));
            await host.ImportAsync("sales", 2);
            await host.EvaluateAsync();
            await host.WaitIdleAsync("retrain");
            Assert.StartsWith("data: dataset sales new version", (await host.RunsAsync("retrain"))[0].Trigger, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Apply_WithAnInvalidSpec_StoresNothingAndNamesTheLine()
    {
        using var home = new TempDirectory();
        await using var host = await TriggerHost.StartAsync(home.Path, new FakeTimeProvider());

        var result = await host.Triggers.ApplyAsync(
            new PipelineApplication(Spec("drift: { deployment: w, share: 2 }"), "retrain.yaml", null, new Dictionary<string, string>()), CancellationToken.None);

        Assert.Null(result.Pipeline);
        Assert.Equal("retrain.yaml:5:36: trigger 1: 'drift.share' must be a number between 0 and 1", Assert.Single(result.Problems).ToString());
        var e = await Assert.ThrowsAsync<Cairn.Core.Errors.CairnException>(() => host.Triggers.GetTriggersAsync("retrain", CancellationToken.None));
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", e.Code);
    }
}
