using Cairn.Core.Monitoring;
using Cairn.Storage.Tests.Registry;

namespace Cairn.Storage.Tests.Monitoring;

/// <summary>The monitor config / alert store's rules, run on SQLite and PostgreSQL.</summary>
public abstract class MonitorConfigStoreContract : RegistryStoreTestBase
{
    private IMonitorConfigStore Configs => Get<IMonitorConfigStore>();

    private static string UniqueName() => "mon-" + Guid.NewGuid().ToString("N")[..12];

    private AlertEvent Event(string deployment, string rule, string state, long reportId, double value) => new()
    {
        Deployment = deployment, Variant = "a", Rule = rule, Metric = "accuracy", Op = "<", Threshold = 0.7, State = state, Value = value, Timestamp = NowMs, ReportId = reportId,
    };

    [Fact]
    public async Task PutConfig_InsertsThenReplacesAndKeepsTheLastRunTime()
    {
        var name = UniqueName();
        var drift = new DriftSettings
        {
            Method = "psi", Threshold = 0.2, DriftShare = 0.3, PerColumn = new Dictionary<string, ColumnDriftSetting> { ["wind"] = new("ks", 0.01) },
        };

        await Configs.PutConfigAsync(new MonitorConfig { Deployment = name, IntervalSeconds = 60, Last = 500, Drift = drift, UpdatedAt = NowMs }, CancellationToken.None);
        await Configs.MarkRunAsync(name, NowMs + 5, CancellationToken.None);
        var replaced = await Configs.PutConfigAsync(new MonitorConfig { Deployment = name, WindowSeconds = 3600, Variant = "b", UpdatedAt = NowMs + 10 }, CancellationToken.None);
        var read = await Configs.GetConfigAsync(name, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal((null, null, 3600.0, "b", NowMs + 5, NowMs + 10), (read.IntervalSeconds, read.Last, read.WindowSeconds, read.Variant, read.LastRunAt, read.UpdatedAt));
        Assert.Equal(replaced, read with { Drift = replaced.Drift });
        Assert.Null(read.Drift.Method);
        Assert.Null(await Configs.GetConfigAsync(UniqueName(), CancellationToken.None));
    }

    [Fact]
    public async Task PutConfig_RoundTripsDriftOverrides()
    {
        var name = UniqueName();
        var drift = new DriftSettings
        {
            Method = "psi", Threshold = 0.2, NumericMethod = "wasserstein", CategoricalThreshold = 0.01, DriftShare = 0.3,
            PerColumn = new Dictionary<string, ColumnDriftSetting> { ["wind"] = new("ks", 0.01) },
        };

        await Configs.PutConfigAsync(new MonitorConfig { Deployment = name, IntervalSeconds = 60, Drift = drift }, CancellationToken.None);
        var read = (await Configs.GetConfigAsync(name, CancellationToken.None))!.Drift;

        Assert.Equal(("psi", 0.2, "wasserstein", 0.01, 0.3), (read.Method, read.Threshold, read.NumericMethod, read.CategoricalThreshold, read.DriftShare));
        Assert.Equal(new ColumnDriftSetting("ks", 0.01), read.PerColumn["wind"]);
    }

    [Fact]
    public async Task ListScheduled_ReturnsOnlyConfigsWithAnInterval()
    {
        var scheduled = UniqueName();
        var manual = UniqueName();
        await Configs.PutConfigAsync(new MonitorConfig { Deployment = scheduled, IntervalSeconds = 30 }, CancellationToken.None);
        await Configs.PutConfigAsync(new MonitorConfig { Deployment = manual, Last = 10 }, CancellationToken.None);

        var names = (await Configs.ListScheduledAsync(CancellationToken.None)).Select(c => c.Deployment).ToList();

        Assert.Contains(scheduled, names);
        Assert.DoesNotContain(manual, names);
    }

    [Fact]
    public async Task PutRules_ReplacesTheSetInOrderAndDropsStatesOfRemovedRules()
    {
        var name = UniqueName();
        await Configs.PutRulesAsync(name, [new AlertRule("low-acc", "accuracy", "<", 0.7), new AlertRule("drift", "drift_share", ">=", 0.5)], CancellationToken.None);
        await Configs.RecordAlertEventsAsync(
            [Event(name, "low-acc", AlertEventStates.Fired, 1, 0.5), Event(name, "drift", AlertEventStates.Fired, 1, 0.6)], CancellationToken.None);

        var rules = await Configs.PutRulesAsync(name, [new AlertRule("p99", "p99_ms", ">", 250), new AlertRule("drift", "drift_share", ">=", 0.4)], CancellationToken.None);
        var firing = await Configs.GetFiringAsync(name, CancellationToken.None);

        Assert.Equal(["p99", "drift"], rules.Select(r => r.Name));
        Assert.Equal(new AlertRule("drift", "drift_share", ">=", 0.4), rules[1]);
        Assert.Equal(["drift"], firing.Select(f => f.Rule));
        Assert.Empty(await Configs.GetRulesAsync(UniqueName(), CancellationToken.None));
    }

    [Fact]
    public async Task RecordAlertEvents_FiredAddsAStateResolvedRemovesItAndEventsListNewestFirst()
    {
        var name = UniqueName();
        await Configs.PutRulesAsync(name, [new AlertRule("low-acc", "accuracy", "<", 0.7)], CancellationToken.None);

        var fired = await Configs.RecordAlertEventsAsync([Event(name, "low-acc", AlertEventStates.Fired, 7, 0.55)], CancellationToken.None);
        var whileFiring = await Configs.GetFiringAsync(name, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(5));
        await Configs.RecordAlertEventsAsync([Event(name, "low-acc", AlertEventStates.Resolved, 9, 0.8)], CancellationToken.None);
        var afterResolve = await Configs.GetFiringAsync(name, CancellationToken.None);
        var events = await Configs.ListAlertEventsAsync(name, 10, CancellationToken.None);

        Assert.True(Assert.Single(fired).Id > 0);
        var state = Assert.Single(whileFiring);
        Assert.Equal(("low-acc", "a", 7L, 0.55), (state.Rule, state.Variant, state.ReportId, state.Value));
        Assert.Empty(afterResolve);
        Assert.Equal([AlertEventStates.Resolved, AlertEventStates.Fired], events.Select(e => e.State));
        Assert.Equal([9L, 7L], events.Select(e => e.ReportId));
        Assert.Equal(0.8, events[0].Value);
        Assert.Single(await Configs.ListAlertEventsAsync(name, 1, CancellationToken.None));
        // Without a deployment: every deployment's events, newest first (the web UI's overview).
        var everyone = await Configs.ListAlertEventsAsync(null, 1000, CancellationToken.None);
        Assert.Equal([AlertEventStates.Resolved, AlertEventStates.Fired], everyone.Where(e => e.Deployment == name).Select(e => e.State));
        Assert.True(everyone.Zip(everyone.Skip(1)).All(pair => pair.First.Id > pair.Second.Id), "newest first");
    }
}
