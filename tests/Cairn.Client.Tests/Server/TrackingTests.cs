using Cairn.Contracts.Mlflow.Tracking;
using Cairn.Core.Tracking;
using Cairn.Testing;

namespace Cairn.Client.Tests.Server;

[Collection(ServerCollection.Name)]
public sealed class TrackingTests(CairnServerFixture server) : IDisposable
{
    private readonly CairnClient _client = new(server.BaseAddress);

    public void Dispose() => _client.Dispose();

    private static string NewName(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    [Fact]
    public async Task StartRun_LogEverything_ReadsBackFromTheServer()
    {
        string runId;
        await using (var run = await _client.StartRunAsync(NewName("sdk"), runName: "baseline", tags: new Dictionary<string, string> { ["team"] = "ml" }))
        {
            runId = run.RunId;
            await run.LogParamAsync("lr", "0.1");
            await run.LogParamsAsync(new Dictionary<string, string> { ["layers"] = "3", ["optimizer"] = "adam" });
            for (var step = 0; step < 100; step++)
            {
                await run.LogMetricAsync("loss", 1.0 / (step + 1), step);
            }

            await run.LogMetricAsync("acc", double.NaN);
            await run.SetTagAsync("stage", "dev");
        }

        var stored = await _client.GetRunAsync(runId);
        Assert.Equal("FINISHED", stored.Info.Status);
        Assert.Equal("baseline", stored.Info.RunName);
        Assert.NotNull(stored.Info.EndTime);
        Assert.Equal(
            new Dictionary<string, string?> { ["layers"] = "3", ["lr"] = "0.1", ["optimizer"] = "adam" },
            stored.Data.Params!.ToDictionary(p => p.Key!, p => p.Value));
        var loss = stored.Data.Metrics!.Single(m => m.Key == "loss");
        Assert.Equal(99, loss.Step);
        Assert.Equal(0.01, loss.Value!.Value, 10);
        Assert.True(double.IsNaN(stored.Data.Metrics!.Single(m => m.Key == "acc").Value!.Value));
        var tags = stored.Data.Tags!.ToDictionary(t => t.Key!, t => t.Value);
        Assert.Equal("ml", tags["team"]);
        Assert.Equal("dev", tags["stage"]);

        var history = await _client.GetMetricHistoryAsync(runId, "loss");
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), history.Select(m => m.Step!.Value).Order());
    }

    [Fact]
    public async Task StartRun_TwiceWithANewExperimentName_CreatesTheExperimentOnce()
    {
        var name = NewName("once");

        await using var first = await _client.StartRunAsync(name);
        await using var second = await _client.StartRunAsync(name);

        Assert.Equal(first.ExperimentId, second.ExperimentId);
        Assert.Equal(name, (await _client.GetExperimentAsync(first.ExperimentId)).Name);
    }

    [Fact]
    public async Task EndFailed_IsStoredAsFailed()
    {
        await using var run = await _client.StartRunAsync(NewName("fail"));

        await run.EndAsync(RunStatus.Failed);

        Assert.Equal("FAILED", (await _client.GetRunAsync(run.RunId)).Info.Status);
    }

    [Fact]
    public async Task LogParam_WithChangedValue_IsRejectedAsInvalidParameterValue()
    {
        await using var run = await _client.StartRunAsync(NewName("param"));
        await run.LogParamAsync("lr", "0.1");

        var e = await Assert.ThrowsAsync<CairnApiException>(() => run.LogParamAsync("lr", "0.2"));

        Assert.Equal("INVALID_PARAMETER_VALUE", e.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, e.StatusCode);
    }

    [Fact]
    public async Task GetRun_Unknown_ThrowsResourceDoesNotExist()
    {
        var e = await Assert.ThrowsAsync<CairnApiException>(() => _client.GetRunAsync("0123456789abcdef0123456789abcdef"));

        Assert.True(e.IsNotFound);
    }

    [Fact]
    public async Task Experiments_CreateGetSearchDeleteRestore()
    {
        var name = NewName("exp");
        var id = await _client.CreateExperimentAsync(name, tags: new Dictionary<string, string> { ["owner"] = "ada" });

        Assert.Equal(name, (await _client.GetExperimentAsync(id)).Name);
        Assert.Equal(id, (await _client.GetExperimentByNameAsync(name))!.ExperimentId);
        var duplicate = await Assert.ThrowsAsync<CairnApiException>(() => _client.CreateExperimentAsync(name));
        Assert.True(duplicate.IsAlreadyExists);

        var found = await _client.SearchExperimentsAsync(filter: $"name = '{name}'");
        Assert.Equal(id, Assert.Single(found.Items).ExperimentId);

        await _client.DeleteExperimentAsync(id);
        Assert.Equal(LifecycleStage.Deleted, (await _client.GetExperimentAsync(id)).LifecycleStage);
        await _client.RestoreExperimentAsync(id);
        Assert.Equal(LifecycleStage.Active, (await _client.GetExperimentAsync(id)).LifecycleStage);
    }

    [Fact]
    public async Task SearchRuns_FilterAndOrderBy_AndEnumerationFollowsPages()
    {
        var experimentId = (await _client.GetOrCreateExperimentAsync(NewName("search"))).ExperimentId;
        var accuracies = new[] { 0.7, 0.95, 0.4, 0.85, 0.6 };
        foreach (var acc in accuracies)
        {
            await using var run = await _client.StartRunInExperimentAsync(experimentId);
            await run.LogMetricAsync("acc", acc);
        }

        var page = await _client.SearchRunsAsync([experimentId], "metrics.acc > 0.5", ["metrics.acc DESC"], maxResults: 2);
        Assert.Equal([0.95, 0.85], page.Items.Select(r => r.Data.Metrics!.Single(m => m.Key == "acc").Value!.Value));
        Assert.NotNull(page.NextPageToken);

        var all = new List<RunDto>();
        await foreach (var run in _client.EnumerateRunsAsync([experimentId], "metrics.acc > 0.5", ["metrics.acc DESC"], pageSize: 2))
        {
            all.Add(run);
        }

        Assert.Equal([0.95, 0.85, 0.7, 0.6], all.Select(r => r.Data.Metrics!.Single(m => m.Key == "acc").Value!.Value));
    }
}
