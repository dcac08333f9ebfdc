using Cairn.Core;
using Cairn.Core.Errors;
using Cairn.Core.Search;
using Cairn.Core.Tracking;
using Cairn.Testing;

namespace Cairn.Storage.Tests.Tracking;

/// <summary>
/// Behaviour every tracking store must have, run once per provider (SQLite and PostgreSQL subclasses),
/// so "same behaviour on both" is checked, not assumed.
/// </summary>
public abstract class TrackingStoreContract : IAsyncLifetime
{
    private StoreHost? _host;

    protected ITrackingStore Store => _host!.Get<ITrackingStore>();

    protected abstract Task<string?> DatabaseAsync();

    public async Task InitializeAsync() => _host = await StoreHost.CreateAsync(await DatabaseAsync());

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task DefaultExperiment_IsZero_AndNewExperimentsCountFromOne()
    {
        var defaults = await Store.GetExperimentAsync("0", default);
        var id = await Store.CreateExperimentAsync("first", null, [], default);

        Assert.Equal("Default", defaults.Name);
        Assert.Equal("1", id);
        Assert.Equal("mlflow-artifacts:/1", (await Store.GetExperimentAsync(id, default)).ArtifactLocation);
    }

    [Fact]
    public async Task DuplicateExperimentName_IsAlreadyExists()
    {
        await Store.CreateExperimentAsync("dup", null, [], default);
        var e = await Assert.ThrowsAsync<CairnException>(() => Store.CreateExperimentAsync("dup", null, [], default));
        Assert.Equal(ErrorCode.ResourceAlreadyExists, e.Code);
    }

    [Fact]
    public async Task LogBatch_StoresHistory_LatestByStepThenTimestamp_AndNonFiniteValues()
    {
        var runId = await NewRunAsync();
        await Store.LogBatchAsync(new LogBatch(runId,
        [
            new Metric("loss", 3, 10, 1), new Metric("loss", 2, 5, 2), new Metric("loss", 9, 1, 0),
            new Metric("nan", double.NaN, 1, 0), new Metric("inf", double.PositiveInfinity, 1, 0), new Metric("ninf", double.NegativeInfinity, 1, 0),
        ], [new KeyValue("lr", "0.1")], [new KeyValue("team", "a")]), default);
        await Store.LogBatchAsync(new LogBatch(runId, [new Metric("loss", 7, 20, 2)], [], [new KeyValue("team", "b")]), default);

        var run = await Store.GetRunAsync(runId, default);
        var latest = run.Metrics.ToDictionary(m => m.Key);
        Assert.Equal(7, latest["loss"].Value);
        Assert.True(double.IsNaN(latest["nan"].Value));
        Assert.Equal(double.PositiveInfinity, latest["inf"].Value);
        Assert.Equal(double.NegativeInfinity, latest["ninf"].Value);
        Assert.Equal("b", run.Tags.Single(t => t.Key == "team").Value);
        var history = await Store.GetMetricHistoryAsync(runId, "loss", 100, null, default);
        Assert.Equal([9d, 3d, 2d, 7d], history.Items.Select(m => m.Value));
    }

    [Fact]
    public async Task LogBatch_ChangingAParam_RejectsTheWholeBatch()
    {
        var runId = await NewRunAsync();
        await Store.LogBatchAsync(new LogBatch(runId, [], [new KeyValue("lr", "0.1")], []), default);

        var e = await Assert.ThrowsAsync<CairnException>(() => Store.LogBatchAsync(
            new LogBatch(runId, [new Metric("acc", 1, 1, 0)], [new KeyValue("lr", "0.2")], [new KeyValue("t", "v")]), default));

        Assert.Equal(ErrorCode.InvalidParameterValue, e.Code);
        var run = await Store.GetRunAsync(runId, default);
        Assert.Empty(run.Metrics);
        Assert.DoesNotContain(run.Tags, t => t.Key == "t");
        Assert.Equal("0.1", run.Params.Single().Value);
    }

    [Fact]
    public async Task LogBatch_OfAThousandMetrics_IsStoredCompletely()
    {
        var runId = await NewRunAsync();
        var metrics = Enumerable.Range(0, 1000).Select(i => new Metric($"m{i % 7}", i * 0.5, 1000 + i, i)).ToList();

        await Store.LogBatchAsync(new LogBatch(runId, metrics, [], []), default);

        var history = await Store.GetMetricHistoryAsync(runId, "m3", 25000, null, default);
        Assert.Equal(metrics.Count(m => m.Key == "m3"), history.Items.Count);
        Assert.Equal(997 * 0.5, (await Store.GetRunAsync(runId, default)).Metrics.Single(m => m.Key == "m3").Value);
    }

    [Fact]
    public async Task DeletedRun_RejectsLogging_AndUnknownRunIsNotFound()
    {
        var runId = await NewRunAsync();
        await Store.SetRunLifecycleAsync(runId, LifecycleStage.Deleted, default);

        var deleted = await Assert.ThrowsAsync<CairnException>(() => Store.LogBatchAsync(new LogBatch(runId, [new Metric("a", 1, 1, 0)], [], []), default));
        var unknown = await Assert.ThrowsAsync<CairnException>(() => Store.GetRunAsync(Ids.NewRunId(), default));

        Assert.Equal(ErrorCode.InvalidParameterValue, deleted.Code);
        Assert.Equal(ErrorCode.ResourceDoesNotExist, unknown.Code);
    }

    [Fact]
    public async Task RunNameTag_RenamesTheRun()
    {
        var runId = await NewRunAsync();
        await Store.LogBatchAsync(new LogBatch(runId, [], [], [new KeyValue("mlflow.runName", "new-name")]), default);
        Assert.Equal("new-name", (await Store.GetRunAsync(runId, default)).Info.RunName);
    }

    [Fact]
    public async Task LogInputs_IsIdempotentPerDataset()
    {
        var runId = await NewRunAsync();
        var input = new DatasetInput(new Dataset("d", "digest", "local", "file.csv"), [new KeyValue("mlflow.data.context", "training")]);
        await Store.LogInputsAsync(runId, [input], ["m-1"], default);
        await Store.LogInputsAsync(runId, [input], ["m-1"], default);

        var run = await Store.GetRunAsync(runId, default);
        Assert.Single(run.DatasetInputs);
        Assert.Equal("training", run.DatasetInputs[0].Tags[0].Value);
        Assert.Equal(["m-1"], run.ModelInputs);
    }

    [Fact]
    public async Task SearchRuns_PagesThroughEveryRunOnce()
    {
        var experimentId = await Store.CreateExperimentAsync("paged", null, [], default);
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await Store.CreateRunAsync(new NewRun { ExperimentId = experimentId, RunName = $"r{i}", StartTime = i }, default)).Info.RunId);
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await Store.SearchRunsAsync(new RunSearchQuery { ExperimentIds = [experimentId], MaxResults = 3, PageToken = token }, default);
            seen.AddRange(page.Items.Select(r => r.Info.RunId));
            token = page.NextPageToken;
        }
        while (token is not null);

        Assert.Equal(created.Order(), seen.Order());
    }

    [Fact]
    public async Task ExperimentRunStats_CountActiveRuns_AndLatestTimes()
    {
        var busy = await Store.CreateExperimentAsync("stats-" + Guid.NewGuid().ToString("N"), null, [], default);
        var empty = await Store.CreateExperimentAsync("stats-empty-" + Guid.NewGuid().ToString("N"), null, [], default);
        var first = await Store.CreateRunAsync(new NewRun { ExperimentId = busy, RunName = "a", StartTime = 1_000 }, default);
        await Store.CreateRunAsync(new NewRun { ExperimentId = busy, RunName = "b", StartTime = 5_000 }, default);
        var deleted = await Store.CreateRunAsync(new NewRun { ExperimentId = busy, RunName = "c", StartTime = 9_000 }, default);
        await Store.UpdateRunAsync(new RunUpdate(first.Info.RunId, RunStatus.Finished, 7_000, null), default);
        await Store.SetRunLifecycleAsync(deleted.Info.RunId, LifecycleStage.Deleted, default);

        var stats = await Store.GetExperimentRunStatsAsync([busy, empty, "not-a-number"], default);

        var only = Assert.Single(stats);
        Assert.Equal(new ExperimentRunStats(busy, 2, 5_000, 7_000), only);
        Assert.Equal(7_000, only.LastActivity);
    }

    [Fact]
    public async Task ExperimentRunKeys_AreTheDistinctKeysOfItsRuns_Bounded()
    {
        var experimentId = await Store.CreateExperimentAsync("keys-" + Guid.NewGuid().ToString("N"), null, [], default);
        var other = await Store.CreateExperimentAsync("keys-other-" + Guid.NewGuid().ToString("N"), null, [], default);
        foreach (var (experiment, metric, param) in new[] { (experimentId, "rmse", "lr"), (experimentId, "mae", "lr"), (experimentId, "rmse", "depth"), (other, "elsewhere", "elsewhere") })
        {
            var run = await Store.CreateRunAsync(new NewRun { ExperimentId = experiment, RunName = "r" }, default);
            await Store.LogBatchAsync(new LogBatch(run.Info.RunId, [new Metric(metric, 1, 1, 0)], [new KeyValue(param, "1")], []), default);
        }

        var keys = await Store.GetExperimentRunKeysAsync(experimentId, 10, default);
        var bounded = await Store.GetExperimentRunKeysAsync(experimentId, 1, default);

        Assert.Equal(["mae", "rmse"], keys.MetricKeys);
        Assert.Equal(["depth", "lr"], keys.ParamKeys);
        Assert.Equal(["mae"], bounded.MetricKeys);
        Assert.Equal(["depth"], bounded.ParamKeys);
    }

    private async Task<string> NewRunAsync()
    {
        var experimentId = await Store.CreateExperimentAsync("e-" + Guid.NewGuid().ToString("N"), null, [], default);
        return (await Store.CreateRunAsync(new NewRun { ExperimentId = experimentId, RunName = "r" }, default)).Info.RunId;
    }
}
