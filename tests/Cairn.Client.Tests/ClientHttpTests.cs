using System.Net;
using Cairn.Client.Tests.Fakes;
using Cairn.Contracts.Mlflow.Tracking;

namespace Cairn.Client.Tests;

public sealed class ClientHttpTests
{
    private static readonly CairnClientOptions Fast = new() { RetryBaseDelay = TimeSpan.Zero, MaxRetries = 3 };

    private static CairnClient ClientFor(FakeMlflowHandler handler, CairnClientOptions? options = null) =>
        new(new HttpClient(handler) { BaseAddress = new Uri("http://cairn.test/") }, options ?? Fast);

    [Fact]
    public async Task ErrorAnswer_ThrowsApiExceptionWithCodeMessageAndStatus()
    {
        var handler = new FakeMlflowHandler().On("runs/get", HttpStatusCode.NotFound, """{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"Run with id=abc not found"}""");
        using var client = ClientFor(handler);

        var e = await Assert.ThrowsAsync<CairnApiException>(() => client.GetRunAsync("abc"));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", e.ErrorCode);
        Assert.Equal("Run with id=abc not found", e.Message);
        Assert.True(e.IsNotFound);
        Assert.Equal("GET", e.RequestMethod);
    }

    [Fact]
    public async Task NonJsonErrorPage_IsMappedFromItsStatusLikeMlflowsClient()
    {
        var handler = new FakeMlflowHandler().On("runs/get", _ => FakeMlflowHandler.Respond(HttpStatusCode.NotFound, "<html>nope</html>", "text/html"));
        using var client = ClientFor(handler);

        var e = await Assert.ThrowsAsync<CairnApiException>(() => client.GetRunAsync("abc"));

        Assert.Equal("ENDPOINT_NOT_FOUND", e.ErrorCode);
        Assert.Contains("404", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceUnavailable_IsRetriedUntilItSucceeds()
    {
        var calls = 0;
        var handler = new FakeMlflowHandler().On("experiments/create", _ => Interlocked.Increment(ref calls) < 3
            ? FakeMlflowHandler.Respond(HttpStatusCode.ServiceUnavailable, """{"error_code":"TEMPORARILY_UNAVAILABLE","message":"busy"}""")
            : FakeMlflowHandler.Respond(HttpStatusCode.OK, """{"experiment_id":"7"}"""));
        using var client = ClientFor(handler);

        var id = await client.CreateExperimentAsync("x");

        Assert.Equal("7", id);
        Assert.Equal(3, handler.To("experiments/create").Count());
        Assert.All(handler.To("experiments/create"), r => Assert.Equal("x", r.Json.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task TooManyRequests_GivesUpAfterMaxRetries()
    {
        var handler = new FakeMlflowHandler().On("runs/get", HttpStatusCode.TooManyRequests, """{"error_code":"REQUEST_LIMIT_EXCEEDED","message":"slow down"}""");
        using var client = ClientFor(handler, new CairnClientOptions { RetryBaseDelay = TimeSpan.Zero, MaxRetries = 2 });

        var e = await Assert.ThrowsAsync<CairnApiException>(() => client.GetRunAsync("abc"));

        Assert.Equal("REQUEST_LIMIT_EXCEEDED", e.ErrorCode);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task BadRequest_IsNotRetried()
    {
        var handler = new FakeMlflowHandler().On("runs/log-parameter", HttpStatusCode.BadRequest, """{"error_code":"INVALID_PARAMETER_VALUE","message":"Changing param values is not allowed"}""");
        using var client = ClientFor(handler);

        var e = await Assert.ThrowsAsync<CairnApiException>(() => client.LogParamAsync("abc", "lr", "0.2"));

        Assert.Equal("INVALID_PARAMETER_VALUE", e.ErrorCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task PostBody_IsSnakeCaseJsonWithRunIdAndRunUuid()
    {
        var handler = new FakeMlflowHandler();
        using var client = ClientFor(handler);

        await client.LogMetricAsync("abc", "loss", double.NaN, step: 3, timestamp: 1700000000001);

        var body = Assert.Single(handler.Requests).Json;
        Assert.Equal("abc", body.GetProperty("run_id").GetString());
        Assert.Equal("abc", body.GetProperty("run_uuid").GetString());
        Assert.Equal("NaN", body.GetProperty("value").GetString());
        Assert.Equal(3, body.GetProperty("step").GetInt64());
        Assert.Equal(1700000000001, body.GetProperty("timestamp").GetInt64());
    }

    [Fact]
    public async Task GetExperimentByName_Missing_ReturnsNull()
    {
        var handler = new FakeMlflowHandler().On("experiments/get-by-name", HttpStatusCode.NotFound, """{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"no"}""");
        using var client = ClientFor(handler);

        Assert.Null(await client.GetExperimentByNameAsync("a b&c"));
        Assert.Equal("?experiment_name=a%20b%26c", Assert.Single(handler.Requests).Query);
    }

    [Fact]
    public async Task StartRun_MissingExperiment_CreatesItThenTheRun()
    {
        var handler = FakeMlflowHandler.WithRun(experimentId: "4")
            .On("experiments/get-by-name", HttpStatusCode.NotFound, """{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"no"}""")
            .On("experiments/create", HttpStatusCode.OK, """{"experiment_id":"4"}""")
            .On("experiments/get", HttpStatusCode.OK, """{"experiment":{"experiment_id":"4","name":"new"}}""");
        using var client = ClientFor(handler, new CairnClientOptions { UserId = "ada" });

        await using var run = await client.StartRunAsync("new", runName: "first", tags: new Dictionary<string, string> { ["team"] = "ml" });

        Assert.Equal(
            ["experiments/get-by-name", "experiments/create", "experiments/get", "runs/create"],
            handler.Requests.Select(r => r.Path["/api/2.0/mlflow/".Length..]));
        var create = handler.To("runs/create").Single().Json;
        Assert.Equal("4", create.GetProperty("experiment_id").GetString());
        Assert.Equal("first", create.GetProperty("run_name").GetString());
        Assert.Equal("ada", create.GetProperty("user_id").GetString());
        var tags = create.GetProperty("tags").EnumerateArray().ToDictionary(t => t.GetProperty("key").GetString()!, t => t.GetProperty("value").GetString());
        Assert.Equal("ml", tags["team"]);
        Assert.Equal("ada", tags["mlflow.user"]);
        Assert.Equal("LOCAL", tags["mlflow.source.type"]);
    }

    [Fact]
    public async Task GetMetricHistory_FollowsPageTokens()
    {
        var handler = new FakeMlflowHandler().On("metrics/get-history", r => FakeMlflowHandler.Respond(HttpStatusCode.OK, r.Query.Contains("page_token=p2", StringComparison.Ordinal)
            ? """{"metrics":[{"key":"loss","value":0.1,"step":2,"timestamp":3}]}"""
            : """{"metrics":[{"key":"loss","value":0.5,"step":0,"timestamp":1},{"key":"loss","value":0.3,"step":1,"timestamp":2}],"next_page_token":"p2"}"""));
        using var client = ClientFor(handler);

        var history = await client.GetMetricHistoryAsync("abc", "loss");

        Assert.Equal([0L, 1L, 2L], history.Select(m => m.Step!.Value));
        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains("max_results=25000", handler.Requests[0].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnumerateRuns_FollowsPageTokensAcrossPages()
    {
        var handler = new FakeMlflowHandler().On("runs/search", r =>
        {
            var token = r.Json.TryGetProperty("page_token", out var t) ? t.GetString() : null;
            var (id, next) = token switch { null => ("a", "t1"), "t1" => ("b", "t2"), _ => ("c", null) };
            var nextJson = next is null ? string.Empty : $$""","next_page_token":"{{next}}" """;
            return FakeMlflowHandler.Respond(HttpStatusCode.OK, $$"""{"runs":[{{FakeMlflowHandler.RunJson(id, "1")[7..^1].TrimEnd()}}]{{nextJson}}}""");
        });
        using var client = ClientFor(handler);

        var runs = new List<RunDto>();
        await foreach (var run in client.EnumerateRunsAsync(["1"], "metrics.acc > 0.5", ["metrics.acc DESC"], pageSize: 1))
        {
            runs.Add(run);
        }

        Assert.Equal(["a", "b", "c"], runs.Select(r => r.Info.RunId));
        var first = handler.Requests[0].Json;
        Assert.Equal("metrics.acc > 0.5", first.GetProperty("filter").GetString());
        Assert.Equal("ACTIVE_ONLY", first.GetProperty("run_view_type").GetString());
        Assert.Equal(1, first.GetProperty("max_results").GetInt32());
    }

    [Fact]
    public async Task LogBatch_TooManyMetricsForOneRequest_IsSplit()
    {
        var handler = new FakeMlflowHandler();
        using var client = ClientFor(handler);
        var metrics = Enumerable.Range(0, 2001).Select(i => new MetricDto { Key = "m", Value = i, Step = i }).ToList();

        await client.LogBatchAsync("abc", metrics);

        var batches = handler.To("runs/log-batch").Select(r => r.Json.GetProperty("metrics").GetArrayLength()).ToList();
        Assert.Equal([1000, 1000, 1], batches);
        Assert.All(handler.Requests, r => Assert.True(r.Json.GetProperty("metrics")[0].TryGetProperty("timestamp", out _)));
    }

    [Fact]
    public void Constructor_HttpClientWithoutBaseAddress_IsRejected()
    {
        using var http = new HttpClient();

        Assert.Throws<ArgumentException>(() => new CairnClient(http));
    }
}
