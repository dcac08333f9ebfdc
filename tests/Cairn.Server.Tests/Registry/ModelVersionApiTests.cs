using System.Net;
using Cairn.Testing;

namespace Cairn.Server.Tests.Registry;

public abstract class ModelVersionApiTests(CairnServerFixture server) : RegistryTestBase(server)
{
    [Fact]
    public async Task Create_IsReadyWithMlflowDefaults()
    {
        var name = await CreateModelAsync();
        var runId = Guid.NewGuid().ToString("N");
        var source = $"mlflow-artifacts:/1/{runId}/artifacts/model";

        var version = (await Http.PostJsonAsync("model-versions/create", new { name, source, run_id = runId })).Ok().GetProperty("model_version");

        Assert.Equal(name, version.GetProperty("name").GetString());
        Assert.Equal("1", version.GetProperty("version").GetString());
        Assert.Equal("READY", version.GetProperty("status").GetString());
        Assert.Equal("None", version.GetProperty("current_stage").GetString());
        Assert.Equal("", version.GetProperty("description").GetString());
        Assert.Equal("", version.GetProperty("run_link").GetString());
        Assert.Equal(source, version.GetProperty("source").GetString());
        Assert.Equal(runId, version.GetProperty("run_id").GetString());
        var created = version.GetProperty("creation_timestamp").GetInt64();
        Assert.Equal(created, version.GetProperty("last_updated_timestamp").GetInt64());

        // Registering a version touches the model, as MLflow does.
        Assert.Equal(created, (await GetModelAsync(name)).GetProperty("last_updated_timestamp").GetInt64());
    }

    [Fact]
    public async Task Create_WithTagsDescriptionRunLinkAndModelId_KeepsThem()
    {
        var name = await CreateModelAsync();
        var version = (await Http.PostJsonAsync("model-versions/create", new
        {
            name,
            source = "s3://bucket/model",
            description = "first cut",
            run_link = "http://example/run",
            model_id = "m-0123456789abcdef0123456789abcdef",
            tags = new[] { new { key = "data", value = "2024-06" } },
        })).Ok().GetProperty("model_version");

        Assert.Equal("first cut", version.GetProperty("description").GetString());
        Assert.Equal("http://example/run", version.GetProperty("run_link").GetString());
        Assert.Equal("m-0123456789abcdef0123456789abcdef", version.GetProperty("model_id").GetString());
        Assert.Equal(["data=2024-06"], Tags(version));
        Assert.False(version.TryGetProperty("run_id", out _), "no run id was given");
    }

    [Fact]
    public async Task Create_NumbersIncreaseAndAreNeverReusedAfterDelete()
    {
        var name = await CreateModelAsync();
        await CreateVersionAsync(name);
        await CreateVersionAsync(name);
        await CreateVersionAsync(name);

        (await Http.DeleteJsonAsync("model-versions/delete", new { name, version = "3" })).Ok();
        (await Http.DeleteJsonAsync("model-versions/delete", new { name, version = "1" })).Ok();

        Assert.Equal("4", (await CreateVersionAsync(name)).GetProperty("version").GetString());
        var search = (await Http.GetJsonAsync("model-versions/search", ("filter", $"name='{name}'"), ("order_by", "version_number ASC"))).Ok();
        Assert.Equal(["2", "4"], search.GetProperty("model_versions").EnumerateArray().Select(v => v.GetProperty("version").GetString()!));
    }

    [Fact]
    public async Task Create_ConcurrentRequests_GetDistinctNumbers()
    {
        var name = await CreateModelAsync();

        var versions = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => CreateVersionAsync(name)));

        Assert.Equal(Enumerable.Range(1, 8), versions.Select(v => int.Parse(v.GetProperty("version").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).Order());
    }

    [Fact]
    public async Task Create_ForUnknownModel_Is404()
    {
        (await Http.PostJsonAsync("model-versions/create", new { name = UniqueName(), source = "s3://b/m" }))
            .Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
    }

    [Fact]
    public async Task Create_WithoutSource_NamesTheMissingField()
    {
        var name = await CreateModelAsync();
        var message = (await Http.PostJsonAsync("model-versions/create", new { name })).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Contains("'source'", message);
    }

    [Fact]
    public async Task Create_WithRelativeSource_Is400()
    {
        var name = await CreateModelAsync();
        (await Http.PostJsonAsync("model-versions/create", new { name, source = "mlflow-artifacts:/1/run/artifacts/../../../etc" }))
            .Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.False((await GetModelAsync(name)).TryGetProperty("latest_versions", out _));
    }

    [Fact]
    public async Task Get_UnknownVersion_Is404WithMlflowMessage()
    {
        var name = await CreateModelAsync();
        var message = (await Http.GetJsonAsync("model-versions/get", ("name", name), ("version", "7"))).Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
        Assert.Equal($"Model Version (name={name}, version=7) not found", message);
    }

    [Fact]
    public async Task Get_NonNumericVersion_Is400()
    {
        var name = await CreateModelAsync();
        var message = (await Http.GetJsonAsync("model-versions/get", ("name", name), ("version", "one"))).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Contains("'version' must be an integer", message);
    }

    [Fact]
    public async Task Get_WithoutVersion_NamesTheMissingField()
    {
        var name = await CreateModelAsync();
        var message = (await Http.GetJsonAsync("model-versions/get", ("name", name))).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Contains("'version'", message);
    }

    [Fact]
    public async Task Update_WithPatch_ChangesDescriptionAndKeepsTagsAndAliases()
    {
        var name = await CreateModelAsync();
        await CreateVersionAsync(name);
        (await Http.PostJsonAsync("model-versions/set-tag", new { name, version = "1", key = "validated", value = "true" })).Ok();
        (await Http.PostJsonAsync("registered-models/alias", new { name, alias = "champion", version = "1" })).Ok();

        var version = (await Http.PatchJsonAsync("model-versions/update", new { name, version = "1", description = "peer check" })).Ok().GetProperty("model_version");

        Assert.Equal("peer check", version.GetProperty("description").GetString());
        Assert.Equal(["validated=true"], Tags(version));
        Assert.Equal(["champion"], Strings(version, "aliases"));
        Assert.True(version.GetProperty("last_updated_timestamp").GetInt64() >= version.GetProperty("creation_timestamp").GetInt64());
    }

    [Fact]
    public async Task Delete_RemovesVersionItsTagsAndAliases()
    {
        var name = await CreateModelAsync();
        await CreateVersionAsync(name);
        await CreateVersionAsync(name);
        (await Http.PostJsonAsync("registered-models/alias", new { name, alias = "champion", version = "2" })).Ok();
        (await Http.PostJsonAsync("registered-models/alias", new { name, alias = "baseline", version = "1" })).Ok();

        (await Http.DeleteJsonAsync("model-versions/delete", new { name, version = "2" })).Ok();

        (await Http.GetJsonAsync("model-versions/get", ("name", name), ("version", "2"))).Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
        var model = await GetModelAsync(name);
        Assert.Equal(["baseline=1"], Aliases(model));
        Assert.Equal(["1"], model.GetProperty("latest_versions").EnumerateArray().Select(v => v.GetProperty("version").GetString()!));
        (await Http.DeleteJsonAsync("model-versions/delete", new { name, version = "2" })).Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
    }

    [Fact]
    public async Task Tags_SetOverwriteDeleteAndLimits()
    {
        var name = await CreateModelAsync();
        await CreateVersionAsync(name);

        (await Http.PostJsonAsync("model-versions/set-tag", new { name, version = "1", key = "k", value = "a" })).Ok();
        (await Http.PostJsonAsync("model-versions/set-tag", new { name, version = "1", key = "k", value = "b" })).Ok();
        Assert.Equal(["k=b"], Tags(await GetVersionAsync(name, "1")));

        (await Http.PostJsonAsync("model-versions/set-tag", new { name, version = "1", key = "k", value = new string('v', 100_001) }))
            .Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        (await Http.PostJsonAsync("model-versions/set-tag", new { name, version = "9", key = "k", value = "v" }))
            .Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");

        (await Http.DeleteJsonAsync("model-versions/delete-tag", new { name, version = "1", key = "k" })).Ok();
        Assert.Empty(Tags(await GetVersionAsync(name, "1")));
    }

    [Fact]
    public async Task SetTag_WithoutKey_NamesTheMissingField()
    {
        var name = await CreateModelAsync();
        await CreateVersionAsync(name);
        var message = (await Http.PostJsonAsync("model-versions/set-tag", new { name, version = "1", value = "v" })).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Contains("'key'", message);
    }

    [Fact]
    public async Task DownloadUri_ForArtifactSource_IsTheSource()
    {
        var name = await CreateModelAsync();
        var source = (await CreateVersionAsync(name)).GetProperty("source").GetString();

        var body = (await Http.GetJsonAsync("model-versions/get-download-uri", ("name", name), ("version", "1"))).Ok();

        Assert.Equal(source, body.GetProperty("artifact_uri").GetString());
    }

    [Fact]
    public async Task DownloadUri_ForRegistrySource_IsTheReferencedVersionsLocation()
    {
        var upstream = await CreateModelAsync();
        var upstreamSource = (await CreateVersionAsync(upstream)).GetProperty("source").GetString();
        (await Http.PostJsonAsync("registered-models/alias", new { name = upstream, alias = "champion", version = "1" })).Ok();
        var name = await CreateModelAsync();
        await CreateVersionAsync(name, source: $"models:/{upstream}/1");
        await CreateVersionAsync(name, source: $"models:/{upstream}@champion");

        foreach (var version in new[] { "1", "2" })
        {
            var body = (await Http.GetJsonAsync("model-versions/get-download-uri", ("name", name), ("version", version))).Ok();
            Assert.Equal(upstreamSource, body.GetProperty("artifact_uri").GetString());
        }
    }

    [Fact]
    public async Task Create_FromUnresolvableRegistrySource_Is400()
    {
        var name = await CreateModelAsync();
        var message = (await Http.PostJsonAsync("model-versions/create", new { name, source = $"models:/{UniqueName()}/1" }))
            .Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Contains("Unable to fetch model", message);
    }

    [Fact]
    public async Task DownloadUri_UnknownVersion_Is404()
    {
        var name = await CreateModelAsync();
        (await Http.GetJsonAsync("model-versions/get-download-uri", ("name", name), ("version", "1"))).Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
    }
}
