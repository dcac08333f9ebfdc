using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Cairn.Server.Tests.Tracking;
using Cairn.Testing;

namespace Cairn.Server.Tests.Datasets;

[Collection(SqliteServerCollection.Name)]
public sealed class DatasetsApiTests(CairnServerFixture server)
{
    private readonly HttpClient _http = server.Http;

    [Fact]
    public async Task Upload_CreatesAContentAddressedVersion_AndReuploadIsIdempotent()
    {
        var name = DatasetsHttp.UniqueName("penguins");
        var bytes = await File.ReadAllBytesAsync(DatasetsHttp.DataFile("penguins.csv"));

        var first = await _http.UploadAsync(name, bytes, "filename=penguins.csv");
        var second = await _http.UploadAsync(name, bytes, "filename=penguins.csv");

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.True(first.Body.GetProperty("created").GetBoolean());
        Assert.False(second.Body.GetProperty("created").GetBoolean());
        var version = first.Body.GetProperty("version");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), version.GetProperty("version").GetString());
        Assert.Equal(version.GetProperty("version").GetString(), second.Body.GetProperty("version").GetProperty("version").GetString());
        Assert.Equal("csv", version.GetProperty("format").GetString());
        Assert.Equal(344, version.GetProperty("row_count").GetInt64());
        Assert.Equal(bytes.Length, version.GetProperty("size_bytes").GetInt64());

        var versions = await _http.GetJsonAsync($"/{name}/versions");
        Assert.Equal(1, versions.Body.GetProperty("versions").GetArrayLength());
    }

    [Fact]
    public async Task GetVersion_ReturnsSchemaAndProfile_SamplesOnlyWhenAsked()
    {
        var name = DatasetsHttp.UniqueName("weather");
        var hash = (await _http.UploadAsync(name, await File.ReadAllBytesAsync(DatasetsHttp.DataFile("seattle-weather.csv")))).Body
            .GetProperty("version").GetProperty("version").GetString()!;

        var (status, body) = await _http.GetJsonAsync($"/{name}/versions/{hash[..10]}");
        var withSamples = await _http.GetJsonAsync($"/{name}/versions/latest?samples=true");

        Assert.Equal(HttpStatusCode.OK, status);
        var columns = body.GetProperty("schema").GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal("datetime", columns["date"].GetProperty("type").GetString());
        Assert.Equal("categorical", columns["weather"].GetProperty("type").GetString());
        Assert.Equal(5, columns["weather"].GetProperty("categories").GetArrayLength());
        var profile = body.GetProperty("profile").GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(-1.6, profile["temp_max"].GetProperty("min").GetDouble());
        Assert.True(profile["temp_max"].TryGetProperty("quantiles", out _));
        Assert.False(profile["temp_max"].TryGetProperty("sample", out _));
        var sampled = withSamples.Body.GetProperty("profile").GetProperty("columns").EnumerateArray().First(c => c.GetProperty("name").GetString() == "temp_max");
        Assert.Equal(1461, sampled.GetProperty("sample").GetArrayLength());
    }

    [Fact]
    public async Task Download_StreamsTheExactBytes()
    {
        var name = DatasetsHttp.UniqueName("dl");
        var bytes = "a,b\r\n1,\"x,y\"\r\n"u8.ToArray();
        await _http.UploadAsync(name, bytes);

        using var response = await _http.GetAsync($"{DatasetsHttp.Api}/{name}/versions/latest/data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Validate_PenguinsAgainstASchemaForbiddingNa_ListsEveryColumnWithNa()
    {
        var name = DatasetsHttp.UniqueName("penguins");
        await _http.UploadAsync(name, await File.ReadAllBytesAsync(DatasetsHttp.DataFile("penguins.csv")));
        var schema = (await _http.GetJsonAsync($"/{name}/versions/latest")).Body.GetProperty("schema");
        var strict = JsonSerializer.Serialize(new
        {
            schema = new { columns = schema.GetProperty("columns").EnumerateArray().Select(c => new { name = c.GetProperty("name").GetString(), type = c.GetProperty("type").GetString(), nullable = false }) },
        });

        var (status, report) = await _http.PostJsonAsync($"/{name}/versions/latest/validate", strict);
        var reference = await _http.PostJsonAsync($"/{name}/versions/latest/validate", $$"""{"reference":"{{name}}@latest"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(report.GetProperty("passed").GetBoolean());
        Assert.Equal(5, report.GetProperty("errors").GetInt32());
        var sex = report.GetProperty("failures").EnumerateArray().Single(f => f.GetProperty("column").GetString() == "sex");
        Assert.Equal("missing_values", sex.GetProperty("rule").GetString());
        Assert.Equal("error", sex.GetProperty("severity").GetString());
        Assert.Equal(11, sex.GetProperty("count").GetInt64());
        Assert.True(reference.Body.GetProperty("passed").GetBoolean());
        Assert.Equal($"{name}@", reference.Body.GetProperty("against").GetString()![..(name.Length + 1)]);
    }

    [Fact]
    public async Task Tags_PointAtVersions_AndListingShowsThem()
    {
        var name = DatasetsHttp.UniqueName("tagged");
        var v1 = (await _http.UploadAsync(name, "x\n1\n")).Body.GetProperty("version").GetProperty("version").GetString()!;
        await _http.UploadAsync(name, "x\n2\n");

        using var put = await _http.PutAsync($"{DatasetsHttp.Api}/{name}/tags/golden", new StringContent($$"""{"version":"{{v1[..8]}}"}""", System.Text.Encoding.UTF8, "application/json"));
        var tagged = await _http.GetJsonAsync($"/{name}/versions/golden");
        var list = await _http.GetJsonAsync("?max_results=1000");
        using var delete = await _http.DeleteAsync($"{DatasetsHttp.Api}/{name}/tags/golden");
        var gone = await _http.GetJsonAsync($"/{name}/versions/golden");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(v1, tagged.Body.GetProperty("version").GetString());
        var summary = list.Body.GetProperty("datasets").EnumerateArray().Single(d => d.GetProperty("name").GetString() == name);
        Assert.Equal(2, summary.GetProperty("version_count").GetInt32());
        Assert.Equal(v1, summary.GetProperty("tags").GetProperty("golden").GetString());
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        gone.AssertError(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST", "golden");
    }
}
