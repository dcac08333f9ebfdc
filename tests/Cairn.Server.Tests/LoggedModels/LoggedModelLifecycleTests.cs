using System.Net;
using System.Text.RegularExpressions;
using Cairn.Server.Tests.Artifacts;
using Cairn.Server.Tests.Tracking;
using Cairn.Testing;

namespace Cairn.Server.Tests.LoggedModels;

[Collection(SqliteServerCollection.Name)]
public sealed partial class LoggedModelLifecycleTests(CairnServerFixture server)
{
    private readonly HttpClient _http = server.Http;

    [Fact]
    public async Task Create_ReturnsPendingModelShapedAsRecorded()
    {
        var (experimentId, runId) = await _http.CreateRunAsync();

        var model = (await _http.PostOkAsync("logged-models", new
        {
            experiment_id = experimentId,
            name = "model",
            source_run_id = runId,
            tags = new[]
            {
                new { key = "mlflow.user", value = "root" },
                new { key = "mlflow.source.name", value = "client_models.py" },
                new { key = "mlflow.source.type", value = "LOCAL" },
            },
        })).GetProperty("model");

        var info = model.GetProperty("info");
        var id = info.GetProperty("model_id").GetString()!;
        Assert.Matches(ModelIdPattern(), id);
        Assert.Equal(experimentId, info.GetProperty("experiment_id").GetString());
        Assert.Equal("model", info.GetProperty("name").GetString());
        Assert.Equal($"mlflow-artifacts:/{experimentId}/models/{id}/artifacts", info.GetProperty("artifact_uri").GetString());
        Assert.Equal("LOGGED_MODEL_PENDING", info.GetProperty("status").GetString());
        Assert.Equal("", info.GetProperty("model_type").GetString());
        Assert.Equal(runId, info.GetProperty("source_run_id").GetString());
        Assert.Equal(info.GetProperty("creation_timestamp_ms").GetInt64(), info.GetProperty("last_updated_timestamp_ms").GetInt64());
        Assert.Equal(["mlflow.source.name", "mlflow.source.type", "mlflow.user"], info.Tags().Keys);
        Assert.False(info.TryGetProperty("params", out _));
        Assert.Equal("{}", model.GetProperty("data").Compact());
    }

    [Fact]
    public async Task LogModelFlow_AsThePythonClientSendsIt_EndsReadyWithFilesTagsAndMetrics()
    {
        var (experimentId, runId) = await _http.CreateRunAsync();
        var info = await _http.CreateModelAsync(new { experiment_id = experimentId, name = "model", source_run_id = runId });
        var id = info.GetProperty("model_id").GetString()!;
        await _http.PostOkAsync("runs/outputs", new { run_id = runId, models = new[] { new { model_id = id, step = 0 } } });
        await _http.GetOkAsync($"logged-models/{id}");

        // The client uploads each model file through the proxy under the model's artifact URI.
        var root = info.GetProperty("artifact_uri").GetString()!["mlflow-artifacts:/".Length..];
        await _http.PutOkAsync(root + "/MLmodel", "artifact_path: model\n");
        await _http.PutOkAsync(root + "/model.pkl", new byte[717]);
        await _http.PutOkAsync(root + "/requirements.txt", "mlflow==3.11.1\n");
        var (finalizeStatus, finalized) = await _http.PatchAsync($"logged-models/{id}", new { model_id = id, status = "LOGGED_MODEL_READY" });
        await _http.PostOkAsync("runs/log-metric", new { run_id = runId, key = "acc", value = 1.0, timestamp = 1_795_454_090_398L, step = 0, model_id = id });
        var (tagStatus, tagBody) = await _http.PatchAsync($"logged-models/{id}/tags", new
        {
            tags = new[] { new { key = "mlflow.modelVersions", value = "[{\"name\": \"peer-sk\", \"version\": 1}]" } },
        });

        Assert.Equal(HttpStatusCode.OK, finalizeStatus);
        Assert.Equal("LOGGED_MODEL_READY", finalized.GetProperty("model").GetProperty("info").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, tagStatus);
        Assert.Equal("{}", tagBody.Compact());
        var model = (await _http.GetOkAsync($"logged-models/{id}")).GetProperty("model");
        Assert.Equal("LOGGED_MODEL_READY", model.GetProperty("info").GetProperty("status").GetString());
        Assert.Equal("[{\"name\": \"peer-sk\", \"version\": 1}]", model.GetProperty("info").Tags()["mlflow.modelVersions"]);
        Assert.True(model.GetProperty("info").GetProperty("last_updated_timestamp_ms").GetInt64() >= info.GetProperty("creation_timestamp_ms").GetInt64());
        Assert.Equal(
            $$"""{"metrics":[{"key":"acc","value":1,"timestamp":1795454090398,"step":0,"run_id":"{{runId}}","model_id":"{{id}}"}]}""",
            model.GetProperty("data").Compact());
        Assert.Equal(
            """{"files":[{"path":"MLmodel","is_dir":false,"file_size":21},{"path":"model.pkl","is_dir":false,"file_size":717},{"path":"requirements.txt","is_dir":false,"file_size":15}]}""",
            (await _http.ListOkAsync(root)).Compact());
        var found = await _http.SearchOkAsync(new { experiment_ids = new[] { experimentId }, filter = "name = 'model'" });
        Assert.Equal(id, found.GetProperty("models")[0].GetProperty("info").GetProperty("model_id").GetString());
        Assert.Equal("acc", found.GetProperty("models")[0].GetProperty("data").GetProperty("metrics")[0].GetProperty("key").GetString());
        var run = (await _http.GetOkAsync($"runs/get?run_id={runId}")).GetProperty("run");
        Assert.Equal(id, run.GetProperty("outputs").GetProperty("model_outputs")[0].GetProperty("model_id").GetString());
    }

    [Fact]
    public async Task Finalize_AcceptsUploadFailedAsProtoNumber()
    {
        var id = await NewModelIdAsync();

        var (status, body) = await _http.PatchAsync($"logged-models/{id}", new { model_id = id, status = 3 });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("LOGGED_MODEL_UPLOAD_FAILED", body.GetProperty("model").GetProperty("info").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(null, "status")]
    [InlineData("LOGGED_MODEL_PENDING", "LOGGED_MODEL_READY")]
    [InlineData("FINISHED", "status")]
    public async Task Finalize_WithoutAFinalStatus_IsInvalidParameter(string? status, string mentioned)
    {
        var id = await NewModelIdAsync();

        var (code, body) = await _http.PatchAsync($"logged-models/{id}", new { model_id = id, status });

        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Equal("INVALID_PARAMETER_VALUE", body.GetProperty("error_code").GetString());
        Assert.Contains(mentioned, body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithoutExperimentId_NamesTheField()
    {
        var (status, body) = await _http.PostMlflowAsync("logged-models", new { name = "model" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_PARAMETER_VALUE", body.GetProperty("error_code").GetString());
        Assert.Contains("'experiment_id'", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("not-a-number")]
    public async Task Create_InUnknownExperiment_IsResourceDoesNotExist(string experimentId)
    {
        var (status, body) = await _http.PostMlflowAsync("logged-models", new { experiment_id = experimentId, name = "model" });

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", body.GetProperty("error_code").GetString());
    }

    [Fact]
    public async Task Create_InDeletedExperiment_IsInvalidParameter()
    {
        var experimentId = await _http.CreateExperimentAsync();
        await _http.PostOkAsync("experiments/delete", new { experiment_id = experimentId });

        var (status, body) = await _http.PostMlflowAsync("logged-models", new { experiment_id = experimentId, name = "model" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("active", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a:b")]
    [InlineData("v1.2")]
    public async Task Create_WithReservedCharacterInName_IsInvalidParameter(string name)
    {
        var experimentId = await _http.CreateExperimentAsync();

        var (status, body) = await _http.PostMlflowAsync("logged-models", new { experiment_id = experimentId, name });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'name'", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithoutName_GeneratesOne()
    {
        var experimentId = await _http.CreateExperimentAsync();

        var info = await _http.CreateModelAsync(new { experiment_id = experimentId });

        Assert.False(string.IsNullOrEmpty(info.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task UnknownModelId_IsResourceDoesNotExistOnEveryRoute()
    {
        const string id = "m-00000000000000000000000000000000";
        var answers = new[]
        {
            await _http.GetMlflowAsync($"logged-models/{id}"),
            await _http.PatchAsync($"logged-models/{id}", new { status = "LOGGED_MODEL_READY" }),
            await _http.PatchAsync($"logged-models/{id}/tags", new { tags = new[] { new { key = "a", value = "b" } } }),
            await _http.DeleteMlflowAsync($"logged-models/{id}/tags/a"),
            await _http.PostMlflowAsync($"logged-models/{id}/params", new { @params = new[] { new { key = "a", value = "b" } } }),
            await _http.DeleteMlflowAsync($"logged-models/{id}"),
            await _http.GetMlflowAsync($"logged-models/{id}/artifacts/directories"),
        };

        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.NotFound, a.Status);
            Assert.Equal("RESOURCE_DOES_NOT_EXIST", a.Body.GetProperty("error_code").GetString());
        });
    }

    [Fact]
    public async Task Delete_HidesTheModelFromGetAndSearch()
    {
        var experimentId = await _http.CreateExperimentAsync();
        var id = (await _http.CreateModelAsync(new { experiment_id = experimentId, name = "doomed" })).GetProperty("model_id").GetString();

        var (deleteStatus, deleted) = await _http.DeleteMlflowAsync($"logged-models/{id}");
        var (getStatus, _) = await _http.GetMlflowAsync($"logged-models/{id}");
        var search = await _http.SearchOkAsync(new { experiment_ids = new[] { experimentId } });

        Assert.Equal(HttpStatusCode.OK, deleteStatus);
        Assert.Equal("{}", deleted.Compact());
        Assert.Equal(HttpStatusCode.NotFound, getStatus);
        Assert.Equal("{}", search.Compact());
    }

    private async Task<string> NewModelIdAsync()
    {
        var experimentId = await _http.CreateExperimentAsync();
        return (await _http.CreateModelAsync(new { experiment_id = experimentId, name = "model" })).GetProperty("model_id").GetString()!;
    }

    [GeneratedRegex("^m-[0-9a-f]{32}$")]
    private static partial Regex ModelIdPattern();
}
