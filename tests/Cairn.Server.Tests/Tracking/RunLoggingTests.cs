using System.Net;
using Cairn.Testing;

namespace Cairn.Server.Tests.Tracking;

[Collection(SqliteServerCollection.Name)]
public sealed class RunLoggingTests(CairnServerFixture server)
{
    private readonly HttpClient _http = server.Http;

    [Fact]
    public async Task CreateRun_ReturnsRunningRunWithArtifactUriAndRunNameTag()
    {
        var (experimentId, runId) = await _http.CreateRunAsync();

        var run = (await _http.GetOkAsync($"runs/get?run_id={runId}")).GetProperty("run");
        var info = run.GetProperty("info");
        Assert.Equal(runId, info.GetProperty("run_uuid").GetString());
        Assert.Equal("RUNNING", info.GetProperty("status").GetString());
        Assert.Equal($"mlflow-artifacts:/{experimentId}/{runId}/artifacts", info.GetProperty("artifact_uri").GetString());
        var tags = run.GetProperty("data").GetProperty("tags").EnumerateArray().ToDictionary(t => t.GetProperty("key").GetString()!, t => t.GetProperty("value").GetString());
        Assert.Equal(info.GetProperty("run_name").GetString(), tags["mlflow.runName"]);
    }

    [Fact]
    public async Task LogMetric_KeepsFullHistoryAndReportsLatestByStep()
    {
        var (_, runId) = await _http.CreateRunAsync();
        for (var step = 0; step < 5; step++)
        {
            await _http.PostOkAsync("runs/log-metric", new { run_id = runId, key = "loss", value = 1.0 / (step + 1), timestamp = 1000 + step, step });
        }

        await _http.PostOkAsync("runs/log-metric", new { run_id = runId, key = "loss", value = 9.0, timestamp = 5000, step = 2 });

        var history = (await _http.GetOkAsync($"metrics/get-history?run_id={runId}&metric_key=loss")).GetProperty("metrics");
        Assert.Equal(6, history.GetArrayLength());
        var latest = (await _http.GetOkAsync($"runs/get?run_id={runId}")).GetProperty("run").GetProperty("data").GetProperty("metrics")[0];
        Assert.Equal(4, latest.GetProperty("step").GetInt64());
        Assert.Equal(0.2, latest.GetProperty("value").GetDouble(), 10);
    }

    [Fact]
    public async Task LogMetric_AcceptsNaNInfinityAndNumericStrings()
    {
        var (_, runId) = await _http.CreateRunAsync();
        await _http.PostRawAsync("runs/log-metric", $$"""{"run_id":"{{runId}}","key":"a","value":"NaN","timestamp":"1700000000001","step":"3"}""");
        await _http.PostRawAsync("runs/log-metric", $$"""{"run_id":"{{runId}}","key":"b","value":"Infinity","timestamp":1}""");
        await _http.PostRawAsync("runs/log-metric", $$"""{"run_id":"{{runId}}","key":"c","value":"-Infinity","timestamp":1}""");

        var metrics = (await _http.GetOkAsync($"runs/get?run_id={runId}")).GetProperty("run").GetProperty("data").GetProperty("metrics")
            .EnumerateArray().ToDictionary(m => m.GetProperty("key").GetString()!, m => m.GetProperty("value"));
        Assert.Equal("NaN", metrics["a"].GetString());
        Assert.Equal("Infinity", metrics["b"].GetString());
        Assert.Equal("-Infinity", metrics["c"].GetString());
        var history = (await _http.GetOkAsync($"metrics/get-history?run_id={runId}&metric_key=a")).GetProperty("metrics")[0];
        Assert.Equal(3, history.GetProperty("step").GetInt64());
        Assert.Equal(1700000000001, history.GetProperty("timestamp").GetInt64());
    }

    [Fact]
    public async Task LogParam_SameValueAgainIsAccepted_DifferentValueIsRejected()
    {
        var (_, runId) = await _http.CreateRunAsync();
        await _http.PostOkAsync("runs/log-parameter", new { run_id = runId, key = "lr", value = "0.1" });
        await _http.PostOkAsync("runs/log-parameter", new { run_id = runId, key = "lr", value = "0.1" });

        var (status, body) = await _http.PostMlflowAsync("runs/log-parameter", new { run_id = runId, key = "lr", value = "0.2" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_PARAMETER_VALUE", body.GetProperty("error_code").GetString());
        Assert.Contains("Changing param values is not allowed", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        var param = (await _http.GetOkAsync($"runs/get?run_id={runId}")).GetProperty("run").GetProperty("data").GetProperty("params")[0];
        Assert.Equal("0.1", param.GetProperty("value").GetString());
    }

    [Fact]
    public async Task LogBatch_WithChangedParamValue_WritesNothing()
    {
        var (_, runId) = await _http.CreateRunAsync();
        await _http.PostOkAsync("runs/log-parameter", new { run_id = runId, key = "lr", value = "0.1" });

        var (status, _) = await _http.PostMlflowAsync("runs/log-batch", new
        {
            run_id = runId,
            metrics = new[] { new { key = "acc", value = 0.9, timestamp = 1L, step = 0L } },
            @params = new[] { new { key = "epochs", value = "5" }, new { key = "lr", value = "0.5" } },
            tags = new[] { new { key = "t", value = "v" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var data = (await _http.GetOkAsync($"runs/get?run_id={runId}")).GetProperty("run").GetProperty("data");
        Assert.False(data.TryGetProperty("metrics", out _));
        Assert.Single(data.GetProperty("params").EnumerateArray());
        Assert.DoesNotContain(data.GetProperty("tags").EnumerateArray(), t => t.GetProperty("key").GetString() == "t");
    }

    [Fact]
    public async Task SetTag_RunName_RenamesTheRun()
    {
        var (_, runId) = await _http.CreateRunAsync();
        await _http.PostOkAsync("runs/set-tag", new { run_id = runId, key = "mlflow.runName", value = "renamed" });

        var info = (await _http.GetOkAsync($"runs/get?run_id={runId}")).GetProperty("run").GetProperty("info");
        Assert.Equal("renamed", info.GetProperty("run_name").GetString());
    }

    [Fact]
    public async Task UpdateRun_FinishesTheRun()
    {
        var (_, runId) = await _http.CreateRunAsync();
        var info = (await _http.PostOkAsync("runs/update", new { run_id = runId, status = "FINISHED", end_time = 1_700_000_100_000L })).GetProperty("run_info");
        Assert.Equal("FINISHED", info.GetProperty("status").GetString());
        Assert.Equal(1_700_000_100_000L, info.GetProperty("end_time").GetInt64());
    }

    [Fact]
    public async Task DeletedRun_IsStillReturnedButRejectsLogging()
    {
        var (_, runId) = await _http.CreateRunAsync();
        await _http.PostOkAsync("runs/delete", new { run_id = runId });

        var info = (await _http.GetOkAsync($"runs/get?run_id={runId}")).GetProperty("run").GetProperty("info");
        Assert.Equal("deleted", info.GetProperty("lifecycle_stage").GetString());
        var (status, _) = await _http.PostMlflowAsync("runs/log-metric", new { run_id = runId, key = "a", value = 1, timestamp = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        await _http.PostOkAsync("runs/restore", new { run_id = runId });
        await _http.PostOkAsync("runs/log-metric", new { run_id = runId, key = "a", value = 1, timestamp = 1 });
    }

    [Fact]
    public async Task LogInputs_RecordsDatasetsWithContext()
    {
        var (_, runId) = await _http.CreateRunAsync();
        await _http.PostOkAsync("runs/log-inputs", new
        {
            run_id = runId,
            datasets = new[]
            {
                new
                {
                    tags = new[] { new { key = "mlflow.data.context", value = "training" } },
                    dataset = new { name = "weather", digest = "abc123", source_type = "local", source = "{\"uri\":\"data.csv\"}", schema = "{}" },
                },
            },
        });

        var input = (await _http.GetOkAsync($"runs/get?run_id={runId}")).GetProperty("run").GetProperty("inputs").GetProperty("dataset_inputs")[0];
        Assert.Equal("weather", input.GetProperty("dataset").GetProperty("name").GetString());
        Assert.Equal("training", input.GetProperty("tags")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task MetricHistory_PagesWithTokens()
    {
        var (_, runId) = await _http.CreateRunAsync();
        var metrics = Enumerable.Range(0, 25).Select(i => new { key = "m", value = (double)i, timestamp = (long)i, step = (long)i }).ToArray();
        await _http.PostOkAsync("runs/log-batch", new { run_id = runId, metrics });

        var seen = new List<long>();
        string? token = null;
        do
        {
            var page = await _http.GetOkAsync($"metrics/get-history?run_id={runId}&metric_key=m&max_results=10" + (token is null ? "" : "&page_token=" + Uri.EscapeDataString(token)));
            seen.AddRange(page.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("step").GetInt64()));
            token = page.TryGetProperty("next_page_token", out var t) ? t.GetString() : null;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(0, 25).Select(i => (long)i), seen);
    }
}
