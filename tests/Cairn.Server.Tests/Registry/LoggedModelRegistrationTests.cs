using System.Net;

namespace Cairn.Server.Tests.Registry;

/// <summary>
/// The MLflow 3.x flow recorded in client_models.jsonl: sklearn.log_model, then register_model through
/// <c>models:/m-...</c> (with and without run_id), alias, load by alias (download URI).
/// </summary>
public sealed class LoggedModelRegistrationTests(LoggedModelServerFixture server) : IClassFixture<LoggedModelServerFixture>
{
    private HttpClient Http => server.Http;

    [Fact]
    public async Task RegisterFromLoggedModel_ThenLoadByAlias_FollowsTheRecordedExchange()
    {
        var runId = Guid.NewGuid().ToString("N");
        var logged = server.LoggedModels.Add("2", runId);
        var name = $"peer-sk-{Guid.NewGuid():N}";
        var source = $"models:/{logged.ModelId}";

        var created = (await Http.PostJsonAsync("registered-models/create", new { name })).Ok().GetProperty("registered_model");
        Assert.Equal(name, created.GetProperty("name").GetString());

        // register_model("models:/m-...") sends model_id but no run_id; the run comes from the logged model.
        var v1 = (await Http.PostJsonAsync("model-versions/create", new { name, source, model_id = logged.ModelId })).Ok().GetProperty("model_version");
        Assert.Equal("1", v1.GetProperty("version").GetString());
        Assert.Equal("READY", v1.GetProperty("status").GetString());
        Assert.Equal(source, v1.GetProperty("source").GetString());
        Assert.Equal(runId, v1.GetProperty("run_id").GetString());
        Assert.Equal("None", v1.GetProperty("current_stage").GetString());

        var model = (await Http.GetJsonAsync("registered-models/get", ("name", name))).Ok().GetProperty("registered_model");
        Assert.Equal(v1.GetProperty("creation_timestamp").GetInt64(), model.GetProperty("last_updated_timestamp").GetInt64());
        Assert.Equal("1", model.GetProperty("latest_versions")[0].GetProperty("version").GetString());

        Assert.Equal("{}", (await Http.PostJsonAsync("registered-models/alias", new { name, alias = "prod", version = "1" })).Ok().GetRawText());
        var byAlias = (await Http.GetJsonAsync("registered-models/alias", ("name", name), ("alias", "prod"))).Ok().GetProperty("model_version");
        Assert.Equal("prod", byAlias.GetProperty("aliases")[0].GetString());
        var aliases = (await Http.GetJsonAsync("registered-models/get", ("name", name))).Ok().GetProperty("registered_model").GetProperty("aliases");
        Assert.Equal("prod", aliases[0].GetProperty("alias").GetString());
        Assert.Equal("1", aliases[0].GetProperty("version").GetString());

        var uri = (await Http.GetJsonAsync("model-versions/get-download-uri", ("name", name), ("version", "1"))).Ok();
        Assert.Equal($"mlflow-artifacts:/2/models/{logged.ModelId}/artifacts", uri.GetProperty("artifact_uri").GetString());

        // The second register_model of the same name: create is tolerated as RESOURCE_ALREADY_EXISTS.
        var again = await Http.PostJsonAsync("registered-models/create", new { name });
        Assert.Equal($"Registered Model (name={name}) already exists.", again.Error(HttpStatusCode.BadRequest, "RESOURCE_ALREADY_EXISTS"));
        var v2 = (await Http.PostJsonAsync("model-versions/create", new { name, source, run_id = runId, model_id = logged.ModelId })).Ok().GetProperty("model_version");
        Assert.Equal("2", v2.GetProperty("version").GetString());
        Assert.Equal(logged.ModelId, v2.GetProperty("model_id").GetString());
    }

    [Fact]
    public async Task Register_WithExplicitRunId_KeepsIt()
    {
        var logged = server.LoggedModels.Add("3", Guid.NewGuid().ToString("N"));
        var name = $"explicit-{Guid.NewGuid():N}";
        var runId = Guid.NewGuid().ToString("N");
        (await Http.PostJsonAsync("registered-models/create", new { name })).Ok();

        var version = (await Http.PostJsonAsync("model-versions/create", new { name, source = $"models:/{logged.ModelId}", run_id = runId })).Ok().GetProperty("model_version");

        Assert.Equal(runId, version.GetProperty("run_id").GetString());
        Assert.Equal(logged.ModelId, version.GetProperty("model_id").GetString());
    }

    [Fact]
    public async Task Register_FromUnknownLoggedModel_Is400AndCreatesNoVersion()
    {
        var name = $"unknown-{Guid.NewGuid():N}";
        (await Http.PostJsonAsync("registered-models/create", new { name })).Ok();

        var message = (await Http.PostJsonAsync("model-versions/create", new { name, source = $"models:/m-{Guid.NewGuid():N}" }))
            .Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");

        Assert.Contains("Unable to fetch model", message);
        var model = (await Http.GetJsonAsync("registered-models/get", ("name", name))).Ok().GetProperty("registered_model");
        Assert.False(model.TryGetProperty("latest_versions", out _));
    }
}
