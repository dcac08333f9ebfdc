using System.Net;
using System.Text;
using Cairn.Server.Tests.Tracking;
using Cairn.Testing;

namespace Cairn.Server.Tests.Artifacts;

[Collection(SqliteServerCollection.Name)]
public sealed class ArtifactProxyTests(CairnServerFixture server)
{
    private readonly HttpClient _http = server.Http;

    [Fact]
    public async Task Upload_ThenDownload_ReturnsBytesWithMlflowDownloadHeaders()
    {
        var root = ArtifactHttp.NewRoot();
        await _http.PutOkAsync(root + "/notes.txt", "hello artifact\n");

        using var response = await _http.GetAsync(ArtifactHttp.Proxy + "artifacts/" + root + "/notes.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello artifact\n", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment; filename=notes.txt", string.Join(",", response.Content.Headers.GetValues("Content-Disposition")));
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(15, response.Content.Headers.ContentLength);
    }

    [Theory]
    [InlineData("MLmodel", "text/plain")]
    [InlineData("conda.yaml", "text/plain")]
    [InlineData("input_example.json", "text/plain")]
    [InlineData("model.pkl", "application/octet-stream")]
    [InlineData("weights.bin", "application/octet-stream")]
    [InlineData("plot.png", "image/png")]
    public async Task Download_GuessesContentTypeLikeMlflow(string fileName, string expected)
    {
        var path = ArtifactHttp.NewRoot() + "/" + fileName;
        await _http.PutOkAsync(path, [1, 2, 3]);

        using var response = await _http.GetAsync(ArtifactHttp.Proxy + "artifacts/" + path);

        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([1, 2, 3], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task List_RunRoot_MatchesRecordedShape()
    {
        // The files of the recorded client_check session; the listing must come back exactly as recorded.
        var root = ArtifactHttp.NewRoot();
        await _http.PutOkAsync(root + "/notes.txt", "hello artifact\n");
        await _http.PutOkAsync(root + "/sub/dir/notes.txt", "hello artifact\n");
        await _http.PutOkAsync(root + "/texts/t.txt", "some text");
        await _http.PutOkAsync(root + "/cfg/config.json", "{\n  \"a\": 1\n}", "application/json");
        await _http.PutOkAsync(root + "/model/MLmodel", "artifact_path: model\nflavors: {}\n");
        await _http.PutOkAsync(root + "/model/weights.bin", new byte[1024]);

        var top = await _http.ListOkAsync(root);
        var nested = await _http.ListOkAsync(root + "/sub/dir");
        var model = await _http.ListOkAsync(root + "/model");

        Assert.Equal(
            """{"files":[{"path":"cfg","is_dir":true},{"path":"model","is_dir":true},{"path":"notes.txt","is_dir":false,"file_size":15},{"path":"sub","is_dir":true},{"path":"texts","is_dir":true}]}""",
            top.Compact());
        Assert.Equal("""{"files":[{"path":"notes.txt","is_dir":false,"file_size":15}]}""", nested.Compact());
        Assert.Equal(
            """{"files":[{"path":"MLmodel","is_dir":false,"file_size":33},{"path":"weights.bin","is_dir":false,"file_size":1024}]}""",
            model.Compact());
    }

    [Fact]
    public async Task List_FilePathOrMissingPath_IsEmptyObject()
    {
        var root = ArtifactHttp.NewRoot();
        await _http.PutOkAsync(root + "/notes.txt", "x");

        Assert.Equal("{}", (await _http.ListOkAsync(root + "/notes.txt")).Compact());
        Assert.Equal("{}", (await _http.ListOkAsync(root + "/model")).Compact());
        Assert.Equal("{}", (await _http.ListOkAsync("no/such/dir")).Compact());
    }

    [Fact]
    public async Task AjaxPrefix_ServesTheSameStore()
    {
        var root = ArtifactHttp.NewRoot();
        await _http.PutOkAsync(root + "/a.txt", "via api");

        using var response = await _http.GetAsync("/ajax-api/2.0/mlflow-artifacts/artifacts/" + root + "/a.txt");
        var listing = await _http.ListOkAsync(root, "/ajax-api/2.0/mlflow-artifacts/");

        Assert.Equal("via api", await response.Content.ReadAsStringAsync());
        Assert.Equal("""{"files":[{"path":"a.txt","is_dir":false,"file_size":7}]}""", listing.Compact());
    }

    [Fact]
    public async Task Upload_SamePathTwice_ReplacesContent()
    {
        var path = ArtifactHttp.NewRoot() + "/model/MLmodel";
        await _http.PutOkAsync(path, "first version");
        await _http.PutOkAsync(path, "second");

        Assert.Equal("second", await _http.GetStringAsync(ArtifactHttp.Proxy + "artifacts/" + path));
    }

    [Fact]
    public async Task Upload_OntoDirectoryOrBelowFile_IsInvalidParameter()
    {
        var root = ArtifactHttp.NewRoot();
        await _http.PutOkAsync(root + "/dir/file.txt", "x");

        using var ontoDirectory = await _http.PutAsync(ArtifactHttp.Proxy + "artifacts/" + root + "/dir", new ByteArrayContent([1]));
        using var belowFile = await _http.PutAsync(ArtifactHttp.Proxy + "artifacts/" + root + "/dir/file.txt/inner", new ByteArrayContent([1]));

        Assert.Equal(HttpStatusCode.BadRequest, ontoDirectory.StatusCode);
        Assert.Contains("INVALID_PARAMETER_VALUE", await ontoDirectory.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, belowFile.StatusCode);
        Assert.Contains("INVALID_PARAMETER_VALUE", await belowFile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_MissingFile_IsResourceDoesNotExist404()
    {
        var (status, body) = await MlflowHttpExtensions.ParseAsync(await _http.GetAsync(ArtifactHttp.Proxy + "artifacts/" + ArtifactHttp.NewRoot() + "/missing.txt"));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", body.GetProperty("error_code").GetString());
        Assert.Contains("missing.txt", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_Directory_IsResourceDoesNotExist404()
    {
        var root = ArtifactHttp.NewRoot();
        await _http.PutOkAsync(root + "/model/MLmodel", "x");

        using var response = await _http.GetAsync(ArtifactHttp.Proxy + "artifacts/" + root + "/model");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Delete_FileThenDirectory_RemovesThem()
    {
        var root = ArtifactHttp.NewRoot();
        await _http.PutOkAsync(root + "/keep.txt", "keep");
        await _http.PutOkAsync(root + "/model/MLmodel", "m");
        await _http.PutOkAsync(root + "/model/sub/weights.bin", [1, 2]);

        using var deleteFile = await _http.DeleteAsync(ArtifactHttp.Proxy + "artifacts/" + root + "/keep.txt");
        using var deleteDirectory = await _http.DeleteAsync(ArtifactHttp.Proxy + "artifacts/" + root + "/model");
        using var deleteMissing = await _http.DeleteAsync(ArtifactHttp.Proxy + "artifacts/" + root + "/never-there");

        Assert.Equal("{}", await deleteFile.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, deleteDirectory.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleteMissing.StatusCode);
        Assert.Equal("{}", (await _http.ListOkAsync(root)).Compact());
        using var gone = await _http.GetAsync(ArtifactHttp.Proxy + "artifacts/" + root + "/model/MLmodel");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Download_WithRange_ReturnsPartialContent()
    {
        var path = ArtifactHttp.NewRoot() + "/data.csv";
        await _http.PutOkAsync(path, "0123456789");

        using var request = new HttpRequestMessage(HttpMethod.Get, ArtifactHttp.Proxy + "artifacts/" + path);
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(2, 5);
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("2345", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("POST", "mpu/create/1/run/artifacts/big.bin")]
    [InlineData("POST", "mpu/complete/1/run/artifacts/big.bin")]
    [InlineData("POST", "mpu/abort/1/run/artifacts/big.bin")]
    [InlineData("GET", "presigned/1/run/artifacts/big.bin")]
    public async Task MultipartAndPresigned_AreNotImplemented501(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), ArtifactHttp.Proxy + path)
        {
            Content = method == "POST" ? new StringContent("{}", Encoding.UTF8, "application/json") : null,
        };
        var (status, body) = await MlflowHttpExtensions.ParseAsync(await _http.SendAsync(request));

        Assert.Equal(HttpStatusCode.NotImplemented, status);
        Assert.Equal("NOT_IMPLEMENTED", body.GetProperty("error_code").GetString());
    }
}
