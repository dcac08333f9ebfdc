using System.Net;
using Cairn.Testing;

namespace Cairn.Server.Tests.Tracking;

[Collection(SqliteServerCollection.Name)]
public sealed class ExperimentTests(CairnServerFixture server)
{
    private readonly HttpClient _http = server.Http;

    [Fact]
    public async Task DefaultExperiment_Exists()
    {
        var experiment = (await _http.GetOkAsync("experiments/get?experiment_id=0")).GetProperty("experiment");
        Assert.Equal("Default", experiment.GetProperty("name").GetString());
        Assert.Equal("mlflow-artifacts:/0", experiment.GetProperty("artifact_location").GetString());
    }

    [Fact]
    public async Task Create_ThenGetByName_ReturnsTagsAndProxyArtifactLocation()
    {
        var name = "exp-" + Guid.NewGuid().ToString("N");
        var id = (await _http.PostOkAsync("experiments/create", new { name, tags = new[] { new { key = "team", value = "mlops" } } }))
            .GetProperty("experiment_id").GetString();

        var experiment = (await _http.GetOkAsync($"experiments/get-by-name?experiment_name={name}")).GetProperty("experiment");
        Assert.Equal(id, experiment.GetProperty("experiment_id").GetString());
        Assert.Equal($"mlflow-artifacts:/{id}", experiment.GetProperty("artifact_location").GetString());
        Assert.Equal("active", experiment.GetProperty("lifecycle_stage").GetString());
        Assert.Equal("mlops", experiment.GetProperty("tags")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Create_DuplicateName_IsResourceAlreadyExists400()
    {
        var name = "dup-" + Guid.NewGuid().ToString("N");
        await _http.PostOkAsync("experiments/create", new { name });

        var (status, body) = await _http.PostMlflowAsync("experiments/create", new { name });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("RESOURCE_ALREADY_EXISTS", body.GetProperty("error_code").GetString());
    }

    [Fact]
    public async Task GetByName_Unknown_Is404ResourceDoesNotExist()
    {
        var (status, body) = await _http.GetMlflowAsync("experiments/get-by-name?experiment_name=nope-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", body.GetProperty("error_code").GetString());
    }

    [Fact]
    public async Task Get_WithoutExperimentId_NamesTheMissingParameter()
    {
        var (status, body) = await _http.GetMlflowAsync("experiments/get");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'experiment_id'", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenameDeleteRestore_RoundTrip()
    {
        var (experimentId, runId) = await _http.CreateRunAsync();
        var newName = "renamed-" + Guid.NewGuid().ToString("N");
        await _http.PostOkAsync("experiments/update", new { experiment_id = experimentId, new_name = newName });
        await _http.PostOkAsync("experiments/delete", new { experiment_id = experimentId });

        var deleted = (await _http.GetOkAsync($"experiments/get?experiment_id={experimentId}")).GetProperty("experiment");
        Assert.Equal(newName, deleted.GetProperty("name").GetString());
        Assert.Equal("deleted", deleted.GetProperty("lifecycle_stage").GetString());
        var run = (await _http.GetOkAsync($"runs/get?run_id={runId}")).GetProperty("run").GetProperty("info");
        Assert.Equal("deleted", run.GetProperty("lifecycle_stage").GetString());

        await _http.PostOkAsync("experiments/restore", new { experiment_id = experimentId });
        run = (await _http.GetOkAsync($"runs/get?run_id={runId}")).GetProperty("run").GetProperty("info");
        Assert.Equal("active", run.GetProperty("lifecycle_stage").GetString());
    }

    [Fact]
    public async Task ExperimentTags_SetAndDelete()
    {
        var (experimentId, _) = await _http.CreateRunAsync();
        await _http.PostOkAsync("experiments/set-experiment-tag", new { experiment_id = experimentId, key = "k", value = "v" });
        await _http.PostOkAsync("experiments/delete-experiment-tag", new { experiment_id = experimentId, key = "k" });

        var experiment = (await _http.GetOkAsync($"experiments/get?experiment_id={experimentId}")).GetProperty("experiment");
        Assert.False(experiment.TryGetProperty("tags", out _));
    }

    [Fact]
    public async Task Health_Version_ServerInfo_Answer()
    {
        Assert.Equal("OK", await _http.GetStringAsync("/health"));
        Assert.False(string.IsNullOrWhiteSpace(await _http.GetStringAsync("/version")));
        var info = await _http.GetStringAsync("/api/3.0/mlflow/server-info");
        Assert.Contains("\"store_type\":\"SqlStore\"", info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoute_IsJson404EndpointNotFound()
    {
        var (status, body) = await _http.GetMlflowAsync("no/such/route");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("ENDPOINT_NOT_FOUND", body.GetProperty("error_code").GetString());
    }
}
