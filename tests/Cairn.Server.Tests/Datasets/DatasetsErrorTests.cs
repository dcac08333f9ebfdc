using System.Net;
using Cairn.Server.Tests.Tracking;
using Cairn.Testing;

namespace Cairn.Server.Tests.Datasets;

[Collection(SqliteServerCollection.Name)]
public sealed class DatasetsErrorTests(CairnServerFixture server)
{
    private readonly HttpClient _http = server.Http;

    [Fact]
    public async Task UnknownDatasetOrVersion_Is404()
    {
        var name = DatasetsHttp.UniqueName("known");
        await _http.UploadAsync(name, "x\n1\n");

        (await _http.GetJsonAsync("/no-such-dataset/versions")).AssertError(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST", "no-such-dataset");
        (await _http.GetJsonAsync($"/{name}/versions/abcdef12")).AssertError(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST", "abcdef12");
        (await _http.GetJsonAsync($"/{name}/versions/nosuchtag/data")).AssertError(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST", "nosuchtag");
    }

    [Fact]
    public async Task MalformedCsv_Is400NamingTheLine_AndCreatesNothing()
    {
        var name = DatasetsHttp.UniqueName("broken");

        (await _http.UploadAsync(name, "a,b\n1,2\n3,4,5\n")).AssertError(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", "line 3");
        (await _http.GetJsonAsync($"/{name}/versions")).AssertError(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST", name);
    }

    [Fact]
    public async Task UnknownOrMissingFormat_Is400()
    {
        (await _http.UploadAsync(DatasetsHttp.UniqueName("f"), "x\n1\n", "format=xlsx")).AssertError(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", "'format'");
        (await _http.UploadAsync(DatasetsHttp.UniqueName("f"), "x\n1\n", "filename=data.bin")).AssertError(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", "'format'");
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData("%2E%2E%2Fetc")]
    [InlineData("-dash")]
    [InlineData("semi%3Bcolon")]
    public async Task NamesThatCouldEscape_Are400(string name)
    {
        var (status, body) = await _http.UploadAsync(name, "x\n1\n");

        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{status}: {body}");
        Assert.NotEqual("RESOURCE_ALREADY_EXISTS", body.GetProperty("error_code").GetString());
    }

    [Fact]
    public async Task Validate_NeedsExactlyOneOfSchemaAndReference_AndNamesBadFields()
    {
        var name = DatasetsHttp.UniqueName("v");
        await _http.UploadAsync(name, "x\n1\n");

        (await _http.PostJsonAsync($"/{name}/versions/latest/validate", "{}")).AssertError(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", "exactly one");
        (await _http.PostJsonAsync($"/{name}/versions/latest/validate", """{"schema":{"columns":[]},"reference":"a@b"}""")).AssertError(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", "exactly one");
        (await _http.PostJsonAsync($"/{name}/versions/latest/validate", """{"schema":{"columns":[{"name":"x","type":"blob"}]}}""")).AssertError(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", "columns[0].type");
        (await _http.PostJsonAsync($"/{name}/versions/latest/validate", """{"reference":"missing-ds@latest"}""")).AssertError(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST", "missing-ds");
        (await _http.PostJsonAsync($"/{name}/versions/latest/validate", "not json")).AssertError(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE", "JSON");
    }

    [Fact]
    public async Task BadTags_Are400()
    {
        var name = DatasetsHttp.UniqueName("t");
        await _http.UploadAsync(name, "x\n1\n");

        using var latest = await _http.PutAsync($"{DatasetsHttp.Api}/{name}/tags/latest", new StringContent("""{"version":"latest"}""", System.Text.Encoding.UTF8, "application/json"));
        using var hex = await _http.PutAsync($"{DatasetsHttp.Api}/{name}/tags/abcdef", new StringContent("""{"version":"latest"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, latest.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, hex.StatusCode);
    }
}
