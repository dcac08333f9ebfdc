using System.Net;
using Cairn.Server.Tests.Artifacts;
using Cairn.Server.Tests.Tracking;
using Cairn.Testing;

namespace Cairn.Server.Tests.LoggedModels;

[Collection(SqliteServerCollection.Name)]
public sealed class LoggedModelTagsAndParamsTests(CairnServerFixture server)
{
    private readonly HttpClient _http = server.Http;

    [Fact]
    public async Task SetTags_OverwritesAndDeleteTagRemoves()
    {
        var id = await NewModelIdAsync(new { key = "stage", value = "dev" });

        await _http.PatchAsync($"logged-models/{id}/tags", new { tags = new[] { new { key = "stage", value = "prod" }, new { key = "owner", value = "ana" } } });
        var afterSet = await GetInfoAsync(id);
        var (deleteStatus, _) = await _http.DeleteMlflowAsync($"logged-models/{id}/tags/owner");
        var afterDelete = await GetInfoAsync(id);

        Assert.Equal(new Dictionary<string, string> { ["owner"] = "ana", ["stage"] = "prod" }, afterSet.Tags());
        Assert.Equal(HttpStatusCode.OK, deleteStatus);
        Assert.Equal(new Dictionary<string, string> { ["stage"] = "prod" }, afterDelete.Tags());
    }

    [Fact]
    public async Task SetTags_ConcurrentWritersOfOneNewKey_AllSucceed()
    {
        var id = await NewModelIdAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            _http.PatchAsync($"logged-models/{id}/tags", new { tags = new[] { new { key = "mlflow.modelVersions", value = $"v{i}" } } })));
        var info = await GetInfoAsync(id);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Matches("^v[0-7]$", info.Tags()["mlflow.modelVersions"]);
    }

    [Fact]
    public async Task DeleteTag_ThatDoesNotExist_IsResourceDoesNotExist()
    {
        var id = await NewModelIdAsync();

        var (status, body) = await _http.DeleteMlflowAsync($"logged-models/{id}/tags/nope");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("nope", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetTags_WithoutValue_NamesTheField()
    {
        var id = await NewModelIdAsync();

        var (status, body) = await _http.PatchAsync($"logged-models/{id}/tags", new { tags = new[] { new { key = "k" } } });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("tags[0].value", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogParams_SameValueAgainIsFine_ChangedValueIsRejected()
    {
        var experimentId = await _http.CreateExperimentAsync();
        var id = (await _http.CreateModelAsync(new { experiment_id = experimentId, name = "m", @params = new[] { new { key = "lr", value = "0.1" } } }))
            .GetProperty("model_id").GetString()!;

        var again = await _http.PostMlflowAsync($"logged-models/{id}/params", new { model_id = id, @params = new[] { new { key = "lr", value = "0.1" }, new { key = "depth", value = "3" } } });
        var changed = await _http.PostMlflowAsync($"logged-models/{id}/params", new { model_id = id, @params = new[] { new { key = "lr", value = "0.2" } } });
        var info = await GetInfoAsync(id);

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(HttpStatusCode.BadRequest, changed.Status);
        Assert.Equal("INVALID_PARAMETER_VALUE", changed.Body.GetProperty("error_code").GetString());
        Assert.Equal("""[{"key":"depth","value":"3"},{"key":"lr","value":"0.1"}]""", info.GetProperty("params").Compact());
    }

    [Fact]
    public async Task ArtifactDirectories_ListsPathsRelativeToTheModelRoot_AndFilesDownloads()
    {
        var experimentId = await _http.CreateExperimentAsync();
        var info = await _http.CreateModelAsync(new { experiment_id = experimentId, name = "m" });
        var id = info.GetProperty("model_id").GetString()!;
        var root = info.GetProperty("artifact_uri").GetString()!["mlflow-artifacts:/".Length..];
        await _http.PutOkAsync(root + "/MLmodel", "flavors: {}\n");
        await _http.PutOkAsync(root + "/data/model.onnx", new byte[5]);

        var top = await _http.GetOkAsync($"logged-models/{id}/artifacts/directories");
        var data = await _http.GetOkAsync($"logged-models/{id}/artifacts/directories?artifact_directory_path=data");
        using var file = await _http.GetAsync($"/ajax-api/2.0/mlflow/logged-models/{id}/artifacts/files?artifact_file_path=MLmodel");

        Assert.Equal(
            $$"""{"root_uri":"mlflow-artifacts:/{{root}}","files":[{"path":"MLmodel","is_dir":false,"file_size":12},{"path":"data","is_dir":true}]}""",
            top.Compact());
        Assert.Equal("""[{"path":"data/model.onnx","is_dir":false,"file_size":5}]""", data.GetProperty("files").Compact());
        Assert.Equal("flavors: {}\n", await file.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", file.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ArtifactDirectories_WithTraversal_IsInvalidParameter()
    {
        var id = await NewModelIdAsync();

        var (status, body) = await _http.GetMlflowAsync($"logged-models/{id}/artifacts/directories?artifact_directory_path=../../..");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("artifact_directory_path", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private async Task<string> NewModelIdAsync(params object[] tags)
    {
        var experimentId = await _http.CreateExperimentAsync();
        return (await _http.CreateModelAsync(new { experiment_id = experimentId, name = "model", tags })).GetProperty("model_id").GetString()!;
    }

    private async Task<System.Text.Json.JsonElement> GetInfoAsync(string id) =>
        (await _http.GetOkAsync($"logged-models/{id}")).GetProperty("model").GetProperty("info");
}
