using Cairn.Core.Pipelines;
using Cairn.Pipelines.Tests.Support;
using Cairn.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cairn.Pipelines.Tests.Triggers;

public sealed class MonitorTriggerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static string Spec(string trigger, string step = "test.count") => $$"""
        name: retrain
        params:
          trainer: lightgbm
        steps:
          train: { uses: {{step}} }
        triggers:
          - {{trigger}}
        """;

    [Fact]
    public async Task DriftTrigger_FedFiveDriftedReportsInARow_StartsExactlyOneRun()
    {
        using var home = new TempDirectory();
        await using var host = await TriggerHost.StartAsync(home.Path, new FakeTimeProvider(Start));
        await host.ApplyAsync(Spec("drift: { deployment: weather, share: 0.5 }"));

        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await host.Monitor.AddDriftAsync("weather", 0.75, host.Now)).Id);
            await host.EvaluateAsync();
            await host.WaitIdleAsync("retrain");
            host.Time.Advance(TimeSpan.FromMinutes(5));
        }

        var run = Assert.Single(await host.RunsAsync("retrain"));
        Assert.Equal($"drift: deployment weather report {ids[0]}, drift share 0.75 >= 0.5 (3 of 4 columns)", run.Trigger);
        Assert.Equal(PipelineRunStatus.Complete, run.Status);
        var state = await host.TriggerAsync("retrain");
        Assert.Equal(run.RunId, state.LastRunId);
        Assert.Equal(Start.ToUnixTimeMilliseconds(), state.LastFired);
        Assert.Equal(Start.AddHours(1).ToUnixTimeMilliseconds(), state.CooldownUntil);
        Assert.Equal(ids[^1], state.LastReportId);
        Assert.Contains("not fired: cooling down until 2026-01-01T13:00:00Z", state.LastReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DriftTrigger_AfterTheCooldown_FiresAgainOnlyOnANewDriftedReport()
    {
        using var home = new TempDirectory();
        await using var host = await TriggerHost.StartAsync(home.Path, new FakeTimeProvider(Start));
        await host.ApplyAsync(Spec("drift: { deployment: weather }\n    cooldown: 10m"));
        await host.Monitor.AddDriftAsync("weather", 1, host.Now);
        await host.EvaluateAsync();
        await host.WaitIdleAsync("retrain");

        // Past the cool-down, the report that fired is not considered again.
        host.Time.Advance(TimeSpan.FromMinutes(11));
        await host.EvaluateAsync();
        Assert.Single(await host.RunsAsync("retrain"));

        await host.Monitor.AddDriftAsync("weather", 0.25, host.Now);
        await host.EvaluateAsync();
        Assert.Single(await host.RunsAsync("retrain"));
        Assert.StartsWith("report 2: dataset drift not detected, drift share 0.25 < 0.5", (await host.TriggerAsync("retrain")).LastReason, StringComparison.Ordinal);

        await host.Monitor.AddDriftAsync("weather", 0.5, host.Now);
        await host.EvaluateAsync();
        await host.WaitIdleAsync("retrain");
        Assert.Equal(2, (await host.RunsAsync("retrain")).Count);
    }

    [Fact]
    public async Task DriftTrigger_WithReports3_NeedsThreeConsecutiveDriftedReports()
    {
        using var home = new TempDirectory();
        await using var host = await TriggerHost.StartAsync(home.Path, new FakeTimeProvider(Start));
        await host.ApplyAsync(Spec("drift: { deployment: weather, feature: temp_max, reports: 3 }"));

        // drifted, drifted, calm (resets), drifted, drifted: never three in a row.
        foreach (var share in new[] { 1.0, 1.0, 0.0, 1.0, 1.0 })
        {
            await host.Monitor.AddDriftAsync("weather", share, host.Now);
            await host.EvaluateAsync();
        }

        Assert.Empty(await host.RunsAsync("retrain"));
        var state = await host.TriggerAsync("retrain");
        Assert.Equal(2, state.Streak);
        Assert.Contains("(2 of 3 consecutive reports)", state.LastReason, StringComparison.Ordinal);

        await host.Monitor.AddDriftAsync("weather", 1, host.Now);
        await host.EvaluateAsync();
        await host.WaitIdleAsync("retrain");

        var run = Assert.Single(await host.RunsAsync("retrain"));
        Assert.Equal("drift: deployment weather report 6, feature temp_max drifted (ks p-value 0.001 < 0.05), 3 consecutive reports", run.Trigger);
    }

    [Fact]
    public async Task DriftTrigger_ReportsArrivingBetweenPasses_AreEachCountedOnce()
    {
        using var home = new TempDirectory();
        await using var host = await TriggerHost.StartAsync(home.Path, new FakeTimeProvider(Start));
        await host.ApplyAsync(Spec("drift: { deployment: weather, reports: 2 }"));
        await host.Monitor.AddDriftAsync("weather", 1, host.Now);
        await host.Monitor.AddDriftAsync("other", 1, host.Now);
        await host.EvaluateAsync();
        await host.EvaluateAsync();
        Assert.Empty(await host.RunsAsync("retrain"));

        await host.Monitor.AddDriftAsync("weather", 1, host.Now);
        await host.EvaluateAsync();
        await host.WaitIdleAsync("retrain");
        Assert.Single(await host.RunsAsync("retrain"));
    }

    [Fact]
    public async Task Trigger_NeverFiresWhileItsTriggeredRunIsStillRunning()
    {
        using var home = new TempDirectory();
        var ledger = new StepLedger();
        await using var host = await TriggerHost.StartAsync(home.Path, new FakeTimeProvider(Start), ledger: ledger);
        await host.ApplyAsync(Spec("drift: { deployment: weather }\n    cooldown: 0", step: "test.block"));
        await host.Monitor.AddDriftAsync("weather", 1, host.Now);
        await host.EvaluateAsync();
        var first = Assert.Single(await host.RunsAsync("retrain"));

        await host.Monitor.AddDriftAsync("weather", 1, host.Now);
        await host.EvaluateAsync();
        Assert.Single(await host.RunsAsync("retrain"));
        Assert.Contains($"not fired: run {first.RunId} started by a trigger is still running", (await host.TriggerAsync("retrain")).LastReason, StringComparison.Ordinal);

        ledger.Gate.SetResult();
        await host.WaitIdleAsync("retrain");
        await host.Monitor.AddDriftAsync("weather", 1, host.Now);
        await host.EvaluateAsync();
        await host.WaitIdleAsync("retrain");
        Assert.Equal(2, (await host.RunsAsync("retrain")).Count);
    }

    [Fact]
    public async Task PerformanceTrigger_IgnoresReportsWithTooFewLabels_AndFiresBelowTheThreshold()
    {
        using var home = new TempDirectory();
        await using var host = await TriggerHost.StartAsync(home.Path, new FakeTimeProvider(Start));
        await host.ApplyAsync(Spec("performance: { deployment: weather, metric: accuracy, below: 0.7, min_labelled: 50 }\n    params: { trainer: fasttree }"));

        await host.Monitor.AddPerformanceAsync("weather", "accuracy", 0.4, labelled: 10, host.Now);
        await host.EvaluateAsync();
        Assert.Empty(await host.RunsAsync("retrain"));
        Assert.Equal("report 1: 10 labelled predictions, fewer than 50", (await host.TriggerAsync("retrain")).LastReason);

        await host.Monitor.AddPerformanceAsync("weather", "accuracy", 0.9, labelled: 80, host.Now);
        await host.EvaluateAsync();
        Assert.Empty(await host.RunsAsync("retrain"));

        await host.Monitor.AddPerformanceAsync("weather", "accuracy", 0.62, labelled: 80, host.Now);
        await host.EvaluateAsync();
        await host.WaitIdleAsync("retrain");

        var run = Assert.Single(await host.RunsAsync("retrain"));
        Assert.Equal("performance: deployment weather report 3, accuracy 0.62 < 0.7 (80 labelled)", run.Trigger);
        Assert.Equal("fasttree", run.Params["trainer"]);
    }
}
