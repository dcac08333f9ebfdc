using System.Text.Json.Nodes;
using Cairn.Testing;

namespace Cairn.Server.Tests.BadInput;

/// <summary>
/// MLflow's search grammar allows only AND-joined comparisons; anything else (OR, parentheses, SQL
/// smuggled into a filter or order_by) is 400 INVALID_PARAMETER_VALUE, and the data is untouched after it.
/// Run on each metadata provider (the SQL differs) by the derived classes.
/// </summary>
public abstract class SearchFilterTests(CairnServerFixture server)
{
    private readonly MlflowApi _api = new(server.Http);

    /// <summary>An experiment with one run that has lr=0.1, acc=0.95, stage=test.</summary>
    private async Task<(string ExperimentId, string RunId)> SeedAsync()
    {
        var (experimentId, runId) = await _api.CreateExperimentAndRunAsync();
        await _api.PostOkAsync("runs/log-batch", new JsonObject
        {
            ["run_id"] = runId,
            ["metrics"] = new JsonArray(MlflowApi.Metric("acc", 0.95)),
            ["params"] = new JsonArray(MlflowApi.KeyValue("lr", "0.1")),
            ["tags"] = new JsonArray(MlflowApi.KeyValue("stage", "test")),
        });
        return (experimentId, runId);
    }

    private Task<HttpResponseMessage> SearchRunsAsync(string experimentId, string? filter, params string[] orderBy)
    {
        var body = new JsonObject { ["experiment_ids"] = new JsonArray(experimentId) };
        if (filter is not null)
        {
            body["filter"] = filter;
        }

        if (orderBy.Length > 0)
        {
            body["order_by"] = new JsonArray(orderBy.Select(o => (JsonNode)o).ToArray());
        }

        return _api.PostAsync("runs/search", body);
    }

    /// <summary>The seeded run is still there, whole, and still found by an ordinary search.</summary>
    private async Task AssertDataIntactAsync(string experimentId, string runId)
    {
        var run = await _api.GetRunAsync(runId);
        Assert.Equal("0.1", MlflowApi.KeyValues(run, "params")["lr"]);
        Assert.Equal(0.95, MlflowApi.Metrics(run)["acc"]);
        using var search = await SearchRunsAsync(experimentId, "params.lr = '0.1' and metrics.acc > 0.9");
        var found = await MlflowAssert.OkAsync(search);
        Assert.Equal(runId, (string?)Assert.Single(found["runs"]!.AsArray())!["info"]!["run_id"]);
        await _api.GetOkAsync($"experiments/get?experiment_id={experimentId}");
    }

    [Theory]
    [InlineData("metrics.acc > 0.5 OR params.lr = '0.1'")]
    [InlineData("metrics.acc > 0.5 or params.lr = '0.1'")]
    [InlineData("(metrics.acc > 0.5)")]
    [InlineData("metrics.acc > 0.5 AND (params.lr = '0.1')")]
    [InlineData("params.lr = '0.1'; DROP TABLE runs; --")]
    [InlineData("params.lr = '0.1' -- comment")]
    [InlineData("'; DROP TABLE runs; --")]
    [InlineData("params.lr = '0.1' UNION SELECT * FROM runs")]
    [InlineData("metrics.acc > '0.5'")]
    [InlineData("acc > 0.9")]
    [InlineData("nosuchentity.x = 'y'")]
    [InlineData("params.lr = '0.1")]
    [InlineData("params.lr == '0.1'")]
    [InlineData("metrics.acc >")]
    [InlineData("params.lr = 0.1")]
    public async Task SearchRuns_WithInvalidFilter_IsRejectedAndDataIsIntact(string filter)
    {
        var (experimentId, runId) = await SeedAsync();

        using var response = await SearchRunsAsync(experimentId, filter);

        await MlflowAssert.InvalidAsync(response);
        await AssertDataIntactAsync(experimentId, runId);
    }

    [Theory]
    [InlineData("params.lr = '; DROP TABLE runs; --'")]
    [InlineData("tags.stage = 'x'' OR ''1''=''1'")]
    [InlineData("params.lr LIKE '%'' OR 1=1 --%'")]
    public async Task SearchRuns_WithSqlInsideAStringLiteral_MatchesNothingAndDataIsIntact(string filter)
    {
        var (experimentId, runId) = await SeedAsync();

        using var response = await SearchRunsAsync(experimentId, filter);

        // Either the grammar refuses the literal, or it is compared as plain text and matches no run.
        if (response.IsSuccessStatusCode)
        {
            var result = await MlflowAssert.OkAsync(response);
            Assert.True(result["runs"] is null || result["runs"]!.AsArray().Count == 0, result.ToJsonString());
        }
        else
        {
            await MlflowAssert.InvalidAsync(response);
        }

        await AssertDataIntactAsync(experimentId, runId);
    }

    [Theory]
    [InlineData("metrics.acc; DROP TABLE runs")]
    [InlineData("metrics.acc DESC; DROP TABLE runs; --")]
    [InlineData("metrics.acc DESC NULLS LAST")]
    [InlineData("metrics.acc SIDEWAYS")]
    [InlineData("(select 1)")]
    [InlineData("acc DESC")]
    public async Task SearchRuns_WithInvalidOrderBy_IsRejectedAndDataIsIntact(string orderBy)
    {
        var (experimentId, runId) = await SeedAsync();

        using var response = await SearchRunsAsync(experimentId, null, orderBy);

        await MlflowAssert.InvalidAsync(response);
        await AssertDataIntactAsync(experimentId, runId);
    }

    [Fact]
    public async Task SearchRuns_WithDuplicatedOrderByKey_IsRejected()
    {
        var (experimentId, _) = await SeedAsync();

        using var response = await SearchRunsAsync(experimentId, null, "metrics.acc DESC", "metrics.acc ASC");

        await MlflowAssert.InvalidAsync(response);
    }

    [Theory]
    [InlineData("""{"max_results": 50001}""")]
    [InlineData("""{"page_token": "not a page token"}""")]
    [InlineData("""{"page_token": "eyJvZmZzZXQiOiAtNX0="}""")]
    public async Task SearchRuns_WithInvalidPaging_IsRejected(string extra)
    {
        var (experimentId, runId) = await SeedAsync();
        var body = JsonNode.Parse(extra)!.AsObject();
        body["experiment_ids"] = new JsonArray(experimentId);

        using var response = await _api.PostAsync("runs/search", body);

        await MlflowAssert.InvalidAsync(response);
        await AssertDataIntactAsync(experimentId, runId);
    }

    [Theory]
    [InlineData("name = 'x' OR name = 'y'")]
    [InlineData("name = 'x'; DROP TABLE experiments; --")]
    [InlineData("(name = 'x')")]
    [InlineData("attributes.name = 'x'")]
    public async Task SearchExperiments_WithInvalidFilter_IsRejectedAndDataIsIntact(string filter)
    {
        var (experimentId, runId) = await SeedAsync();

        using var response = await _api.PostAsync("experiments/search", new JsonObject { ["filter"] = filter, ["max_results"] = 10 });

        await MlflowAssert.InvalidAsync(response);
        await AssertDataIntactAsync(experimentId, runId);
    }

    [Theory]
    [InlineData("name = 'x' OR name = 'y'")]
    [InlineData("name = 'x'; DROP TABLE registered_models; --")]
    [InlineData("(name = 'x')")]
    public async Task SearchRegisteredModels_WithInvalidFilter_IsRejected(string filter)
    {
        var name = MlflowApi.UniqueName("bad-filter-model");
        await _api.PostOkAsync("registered-models/create", new JsonObject { ["name"] = name });

        using var response = await _api.GetAsync($"registered-models/search?filter={Uri.EscapeDataString(filter)}&max_results=100");

        await MlflowAssert.InvalidAsync(response);
        await _api.GetOkAsync($"registered-models/get?name={name}");
    }
}
