using System.Text.Json.Nodes;
using Cairn.Testing;

namespace Cairn.Server.Tests.BadInput;

/// <summary>
/// log-batch limits and param immutability (MLflow's validation.py), and atomicity: a rejected request
/// writes nothing at all. Run on each metadata provider by the derived classes.
/// </summary>
public abstract class LogBatchTests(CairnServerFixture server)
{
    private readonly MlflowApi _api = new(server.Http);

    private static JsonObject Batch(string runId, int metrics, int @params, int tags) => new()
    {
        ["run_id"] = runId,
        ["metrics"] = MlflowApi.Array(Enumerable.Range(0, metrics).Select(i => MlflowApi.Metric($"m{i}", i))),
        ["params"] = MlflowApi.Array(Enumerable.Range(0, @params).Select(i => MlflowApi.KeyValue($"p{i}", $"{i}"))),
        ["tags"] = MlflowApi.Array(Enumerable.Range(0, tags).Select(i => MlflowApi.KeyValue($"t{i}", $"{i}"))),
    };

    private async Task AssertNothingLoggedAsync(string runId)
    {
        var run = await _api.GetRunAsync(runId);
        Assert.Empty(MlflowApi.Metrics(run));
        Assert.Empty(MlflowApi.KeyValues(run, "params"));
        Assert.DoesNotContain(MlflowApi.KeyValues(run, "tags").Keys, key => key.StartsWith('t') || key == "good");
    }

    [Theory]
    [InlineData(1001, 0, 0)]
    [InlineData(0, 101, 0)]
    [InlineData(0, 0, 101)]
    [InlineData(1000, 1, 0)]
    [InlineData(900, 100, 1)]
    public async Task LogBatch_OverTheEntityLimits_IsRejectedAndWritesNothing(int metrics, int @params, int tags)
    {
        var (_, runId) = await _api.CreateExperimentAndRunAsync();

        using var response = await _api.PostAsync("runs/log-batch", Batch(runId, metrics, @params, tags));

        await MlflowAssert.InvalidAsync(response);
        await AssertNothingLoggedAsync(runId);
    }

    [Theory]
    [InlineData(1000, 0, 0)]
    [InlineData(800, 100, 100)]
    public async Task LogBatch_AtTheEntityLimits_IsAccepted(int metrics, int @params, int tags)
    {
        var (_, runId) = await _api.CreateExperimentAndRunAsync();

        await _api.PostOkAsync("runs/log-batch", Batch(runId, metrics, @params, tags));

        var run = await _api.GetRunAsync(runId);
        Assert.Equal(metrics, MlflowApi.Metrics(run).Count);
        Assert.Equal(@params, MlflowApi.KeyValues(run, "params").Count);
        Assert.Equal(tags, MlflowApi.KeyValues(run, "tags").Keys.Count(k => k.StartsWith('t')));
    }

    [Theory]
    [InlineData("params", "key", 251)]
    [InlineData("params", "value", 6001)]
    [InlineData("tags", "key", 251)]
    [InlineData("tags", "value", 8001)]
    [InlineData("metrics", "key", 251)]
    public async Task LogBatch_WithOneOverlongEntry_IsRejectedAndWritesNoneOfTheBatch(string list, string field, int length)
    {
        var (_, runId) = await _api.CreateExperimentAndRunAsync();
        var batch = Batch(runId, metrics: 3, @params: 3, tags: 3);
        var entry = list == "metrics" ? MlflowApi.Metric("x", 1) : MlflowApi.KeyValue("x", "v");
        entry[field] = new string('a', length);
        batch[list]!.AsArray().Add(entry);

        using var response = await _api.PostAsync("runs/log-batch", batch);

        await MlflowAssert.InvalidAsync(response);
        await AssertNothingLoggedAsync(runId);
    }

    [Fact]
    public async Task LogBatch_AtTheLengthLimits_IsAccepted()
    {
        var (_, runId) = await _api.CreateExperimentAndRunAsync();
        var longKey = new string('k', 250);
        var batch = new JsonObject
        {
            ["run_id"] = runId,
            ["metrics"] = new JsonArray(MlflowApi.Metric(longKey, 1)),
            ["params"] = new JsonArray(MlflowApi.KeyValue(longKey, new string('v', 6000))),
            ["tags"] = new JsonArray(MlflowApi.KeyValue("t-long", new string('v', 8000))),
        };

        await _api.PostOkAsync("runs/log-batch", batch);

        var run = await _api.GetRunAsync(runId);
        Assert.Equal(6000, MlflowApi.KeyValues(run, "params")[longKey].Length);
        Assert.Equal(8000, MlflowApi.KeyValues(run, "tags")["t-long"].Length);
        Assert.Equal(1, MlflowApi.Metrics(run)[longKey]);
    }

    [Fact]
    public async Task LogParam_WithChangedValue_IsRejectedAndKeepsTheFirstValue()
    {
        var (_, runId) = await _api.CreateExperimentAndRunAsync();
        await _api.PostOkAsync("runs/log-parameter", new JsonObject { ["run_id"] = runId, ["key"] = "lr", ["value"] = "0.1" });

        using var response = await _api.PostAsync("runs/log-parameter", new JsonObject { ["run_id"] = runId, ["key"] = "lr", ["value"] = "0.2" });

        await MlflowAssert.InvalidAsync(response, "Changing param values is not allowed");
        Assert.Equal("0.1", MlflowApi.KeyValues(await _api.GetRunAsync(runId), "params")["lr"]);
    }

    [Fact]
    public async Task LogParam_WithTheSameValueAgain_IsAccepted()
    {
        var (_, runId) = await _api.CreateExperimentAndRunAsync();
        var body = new JsonObject { ["run_id"] = runId, ["key"] = "lr", ["value"] = "0.1" };
        await _api.PostOkAsync("runs/log-parameter", body);

        await _api.PostOkAsync("runs/log-parameter", body.DeepClone());

        Assert.Equal("0.1", MlflowApi.KeyValues(await _api.GetRunAsync(runId), "params")["lr"]);
    }

    [Fact]
    public async Task LogBatch_WithChangedParamValue_IsRejectedAndWritesNoneOfTheBatch()
    {
        var (_, runId) = await _api.CreateExperimentAndRunAsync();
        await _api.PostOkAsync("runs/log-parameter", new JsonObject { ["run_id"] = runId, ["key"] = "lr", ["value"] = "0.1" });
        var batch = new JsonObject
        {
            ["run_id"] = runId,
            ["metrics"] = new JsonArray(MlflowApi.Metric("acc", 0.9), MlflowApi.Metric("loss", 0.1)),
            ["params"] = new JsonArray(MlflowApi.KeyValue("epochs", "5"), MlflowApi.KeyValue("lr", "0.2")),
            ["tags"] = new JsonArray(MlflowApi.KeyValue("good", "yes")),
        };

        using var response = await _api.PostAsync("runs/log-batch", batch);

        await MlflowAssert.InvalidAsync(response, "Changing param values is not allowed");
        var run = await _api.GetRunAsync(runId);
        Assert.Equal(new Dictionary<string, string> { ["lr"] = "0.1" }, MlflowApi.KeyValues(run, "params"));
        Assert.Empty(MlflowApi.Metrics(run));
        Assert.DoesNotContain("good", MlflowApi.KeyValues(run, "tags").Keys);
    }

    [Fact]
    public async Task LogBatch_ForUnknownRun_IsNotFound()
    {
        using var response = await _api.PostAsync("runs/log-batch", Batch(Guid.NewGuid().ToString("N"), 1, 1, 1));

        await MlflowAssert.NotFoundAsync(response);
    }
}
