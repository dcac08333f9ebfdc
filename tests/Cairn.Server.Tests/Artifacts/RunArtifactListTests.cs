using System.Net;
using Cairn.Server.Tests.Tracking;
using Cairn.Testing;

namespace Cairn.Server.Tests.Artifacts;

[Collection(SqliteServerCollection.Name)]
public sealed class RunArtifactListTests(CairnServerFixture server)
{
    private readonly HttpClient _http = server.Http;

    [Fact]
    public async Task ArtifactsList_ReturnsPathsRelativeToTheRunRoot()
    {
        var (experimentId, runId) = await _http.CreateRunAsync();
        var root = $"{experimentId}/{runId}/artifacts";
        await _http.PutOkAsync(root + "/notes.txt", "hello artifact\n");
        await _http.PutOkAsync(root + "/model/MLmodel", "artifact_path: model\nflavors: {}\n");
        await _http.PutOkAsync(root + "/model/data/weights.bin", new byte[10]);

        var top = await _http.GetOkAsync($"artifacts/list?run_id={runId}");
        var model = await _http.GetOkAsync($"artifacts/list?run_uuid={runId}&path=model");

        Assert.Equal(
            $$"""{"root_uri":"mlflow-artifacts:/{{root}}","files":[{"path":"model","is_dir":true},{"path":"notes.txt","is_dir":false,"file_size":15}]}""",
            top.Compact());
        Assert.Equal(
            $$"""{"root_uri":"mlflow-artifacts:/{{root}}","files":[{"path":"model/MLmodel","is_dir":false,"file_size":33},{"path":"model/data","is_dir":true}]}""",
            model.Compact());
    }

    [Fact]
    public async Task ArtifactsList_EmptyRun_HasOnlyTheRootUri()
    {
        var (experimentId, runId) = await _http.CreateRunAsync();

        var listing = await _http.GetOkAsync($"artifacts/list?run_id={runId}&path=model");

        Assert.Equal($$"""{"root_uri":"mlflow-artifacts:/{{experimentId}}/{{runId}}/artifacts"}""", listing.Compact());
    }

    [Fact]
    public async Task ArtifactsList_UnknownRun_IsResourceDoesNotExist404()
    {
        var (status, body) = await _http.GetMlflowAsync("artifacts/list?run_id=" + Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", body.GetProperty("error_code").GetString());
    }

    [Fact]
    public async Task ArtifactsList_WithoutRunId_NamesTheMissingParameter()
    {
        var (status, body) = await _http.GetMlflowAsync("artifacts/list?path=model");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("run_id", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
