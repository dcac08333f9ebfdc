using System.Net;
using Cairn.Server.Tests.Artifacts;
using Cairn.Server.Tests.Tracking;
using Cairn.Testing;

namespace Cairn.Server.Tests.LoggedModels;

[Collection(SqliteServerCollection.Name)]
public sealed class LoggedModelSearchTests(CairnServerFixture server)
{
    private readonly HttpClient _http = server.Http;

    [Fact]
    public async Task Search_WithNoMatch_IsEmptyObjectNot404()
    {
        var experimentId = await _http.CreateExperimentAsync();

        var byName = await _http.SearchOkAsync(new { experiment_ids = new[] { experimentId }, filter = "name = 'sub'" });
        var unknownExperiment = await _http.SearchOkAsync(new { experiment_ids = new[] { "987654" }, filter = "name = 'model'" });

        Assert.Equal("{}", byName.Compact());
        Assert.Equal("{}", unknownExperiment.Compact());
    }

    [Theory]
    [InlineData("name = 'beta'", new[] { "beta" })]
    [InlineData("name != 'beta'", new[] { "alpha", "gamma" })]
    [InlineData("name LIKE 'a%'", new[] { "alpha" })]
    [InlineData("name ILIKE '%A'", new[] { "alpha", "beta", "gamma" })]
    [InlineData("name IN ('alpha', 'gamma')", new[] { "alpha", "gamma" })]
    [InlineData("tags.team = 'vision'", new[] { "alpha", "gamma" })]
    [InlineData("tags.team = 'vision' AND params.depth = '3'", new[] { "gamma" })]
    [InlineData("params.depth != '3'", new[] { "alpha" })]
    [InlineData("status = 'LOGGED_MODEL_READY'", new[] { "beta" })]
    [InlineData("status = 'READY'", new[] { "beta" })]
    [InlineData("metrics.acc > 0.5", new[] { "alpha", "gamma" })]
    [InlineData("metrics.acc <= 0.5", new[] { "beta" })]
    [InlineData("model_type = 'sklearn'", new[] { "beta" })]
    [InlineData("creation_timestamp > 0", new[] { "alpha", "beta", "gamma" })]
    public async Task Search_Filter_SelectsMatchingModels(string filter, string[] expected)
    {
        var experimentId = await SeedAsync();

        var found = await _http.SearchOkAsync(new { experiment_ids = new[] { experimentId }, filter, order_by = new[] { new { field_name = "name" } } });

        Assert.Equal(expected, found.ModelNames());
    }

    [Fact]
    public async Task Search_OrderByMetricDescending_PutsModelsWithoutTheMetricLast()
    {
        var experimentId = await SeedAsync();
        await _http.CreateModelAsync(new { experiment_id = experimentId, name = "delta" });

        var descending = await _http.SearchOkAsync(new { experiment_ids = new[] { experimentId }, order_by = new[] { new { field_name = "metrics.acc", ascending = false } } });
        var ascending = await _http.SearchOkAsync(new { experiment_ids = new[] { experimentId }, order_by = new[] { new { field_name = "metrics.acc", ascending = true } } });

        Assert.Equal(["gamma", "alpha", "beta", "delta"], descending.ModelNames());
        Assert.Equal(["beta", "alpha", "gamma", "delta"], ascending.ModelNames());
    }

    [Fact]
    public async Task Search_WithDatasets_UsesOnlyMetricsOnThoseDatasets()
    {
        var experimentId = await SeedAsync();

        var onTest = await _http.SearchOkAsync(new
        {
            experiment_ids = new[] { experimentId },
            datasets = new[] { new { dataset_name = "test" } },
        });
        var filtered = await _http.SearchOkAsync(new
        {
            experiment_ids = new[] { experimentId },
            filter = "metrics.acc > 0.5",
            datasets = new[] { new { dataset_name = "test", dataset_digest = "d1" } },
        });

        Assert.Equal(["gamma"], onTest.ModelNames());
        Assert.Empty(filtered.ModelNames());
    }

    [Fact]
    public async Task Search_Pages_WithOpaqueTokensUntilTheLastPage()
    {
        var experimentId = await _http.CreateExperimentAsync();
        for (var i = 0; i < 5; i++)
        {
            await _http.CreateModelAsync(new { experiment_id = experimentId, name = $"m{i}" });
        }

        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _http.SearchOkAsync(new { experiment_ids = new[] { experimentId }, max_results = 2, page_token = token, order_by = new[] { new { field_name = "name", ascending = false } } });
            names.AddRange(page.ModelNames());
            token = page.TryGetProperty("next_page_token", out var next) ? next.GetString() : null;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(["m4", "m3", "m2", "m1", "m0"], names);
    }

    [Fact]
    public async Task Search_DefaultOrder_IsNewestFirst()
    {
        var experimentId = await _http.CreateExperimentAsync();
        var first = (await _http.CreateModelAsync(new { experiment_id = experimentId, name = "first" })).GetProperty("creation_timestamp_ms").GetInt64();
        long second;
        do
        {
            second = (await _http.CreateModelAsync(new { experiment_id = experimentId, name = "second" })).GetProperty("creation_timestamp_ms").GetInt64();
        }
        while (second == first);

        var found = await _http.SearchOkAsync(new { experiment_ids = new[] { experimentId } });

        Assert.Equal("second", found.ModelNames()[0]);
        Assert.Equal("first", found.ModelNames()[^1]);
    }

    [Theory]
    [InlineData("""{"experiment_ids":["0"],"filter":"name = 'a' OR name = 'b'"}""", "'or'")]
    [InlineData("""{"experiment_ids":["0"],"filter":"metrics.acc > 'high'"}""", "acc")]
    [InlineData("""{"experiment_ids":["0"],"filter":"bogus = 'x'"}""", "bogus")]
    [InlineData("""{"experiment_ids":["0"],"order_by":[{"field_name":"params.lr"}]}""", "params")]
    [InlineData("""{"experiment_ids":["0"],"order_by":[{"field_name":"colour"}]}""", "colour")]
    [InlineData("""{"experiment_ids":["0"],"order_by":[{"ascending":true}]}""", "field_name")]
    [InlineData("""{"experiment_ids":["0"],"max_results":100000}""", "max_results")]
    [InlineData("""{"experiment_ids":["0"],"page_token":"not-a-token"}""", "token")]
    [InlineData("""{"filter":"name = 'model'"}""", "experiment_ids")]
    public async Task Search_WithInvalidRequest_IsInvalidParameterNamingTheProblem(string request, string mentioned)
    {
        var (status, body) = await _http.PostRawAsync("logged-models/search", request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_PARAMETER_VALUE", body.GetProperty("error_code").GetString());
        Assert.Contains(mentioned, body.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// alpha: team=vision, depth=2, acc 0.7 (no dataset), pending. beta: team=nlp, depth=3, acc 0.2, ready, sklearn.
    /// gamma: team=vision, depth=3, acc 0.9 on dataset "test" (digest d2), pending.
    /// </summary>
    private async Task<string> SeedAsync()
    {
        var (experimentId, runId) = await _http.CreateRunAsync();
        var alpha = await CreateAsync(experimentId, "alpha", "vision", "2");
        var beta = await CreateAsync(experimentId, "beta", "nlp", "3", modelType: "sklearn");
        var gamma = await CreateAsync(experimentId, "gamma", "vision", "3");
        await _http.PatchAsync($"logged-models/{beta}", new { status = "LOGGED_MODEL_READY" });
        await _http.PostOkAsync("runs/log-metric", new { run_id = runId, key = "acc", value = 0.7, timestamp = 10, step = 0, model_id = alpha });
        await _http.PostOkAsync("runs/log-metric", new { run_id = runId, key = "acc", value = 0.2, timestamp = 10, step = 0, model_id = beta });
        await _http.PostOkAsync("runs/log-metric", new { run_id = runId, key = "acc", value = 0.9, timestamp = 10, step = 0, model_id = gamma, dataset_name = "test", dataset_digest = "d2" });
        return experimentId;
    }

    private async Task<string> CreateAsync(string experimentId, string name, string team, string depth, string? modelType = null) =>
        (await _http.CreateModelAsync(new
        {
            experiment_id = experimentId,
            name,
            model_type = modelType,
            tags = new[] { new { key = "team", value = team } },
            @params = new[] { new { key = "depth", value = depth } },
        })).GetProperty("model_id").GetString()!;
}
