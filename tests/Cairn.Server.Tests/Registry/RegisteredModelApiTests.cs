using System.Net;
using System.Text;
using Cairn.Testing;

namespace Cairn.Server.Tests.Registry;

public abstract class RegisteredModelApiTests(CairnServerFixture server) : RegistryTestBase(server)
{
    [Fact]
    public async Task Create_ReturnsModelWithTimestampsTagsAndDescription()
    {
        var name = UniqueName();
        var body = (await Http.PostJsonAsync("registered-models/create", new
        {
            name,
            description = "fraud scorer",
            tags = new[] { new { key = "team", value = "risk" } },
        })).Ok();

        var model = body.GetProperty("registered_model");
        Assert.Equal(name, model.GetProperty("name").GetString());
        Assert.Equal("fraud scorer", model.GetProperty("description").GetString());
        Assert.Equal(["team=risk"], Tags(model));
        var created = model.GetProperty("creation_timestamp").GetInt64();
        Assert.True(created > 1_600_000_000_000, $"creation_timestamp {created} is not in epoch milliseconds");
        Assert.Equal(created, model.GetProperty("last_updated_timestamp").GetInt64());
        Assert.False(model.TryGetProperty("latest_versions", out _), "a new model has no versions, so the key is omitted");
        Assert.False(model.TryGetProperty("aliases", out _));
    }

    [Fact]
    public async Task Create_WithExistingName_Is400ResourceAlreadyExists()
    {
        var name = await CreateModelAsync();

        var response = await Http.PostJsonAsync("registered-models/create", new { name });

        var message = response.Error(HttpStatusCode.BadRequest, "RESOURCE_ALREADY_EXISTS");
        Assert.Equal($"Registered Model (name={name}) already exists.", message);
    }

    [Fact]
    public async Task Create_WithoutName_NamesTheMissingField()
    {
        var message = (await Http.PostJsonAsync("registered-models/create", new { description = "x" }))
            .Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Contains("Missing value for required parameter 'name'", message);
    }

    [Fact]
    public async Task Create_WithoutJsonContentType_Is400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MlflowHttp.Api + "registered-models/create")
        {
            Content = new StringContent("{\"name\":\"x\"}", Encoding.UTF8, "text/plain"),
        };
        var message = (await Http.SendMlflowAsync(request)).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Contains("Content-Type", message);
    }

    [Fact]
    public async Task Create_WithInvalidTag_WritesNothing()
    {
        var name = UniqueName();
        var response = await Http.PostJsonAsync("registered-models/create", new
        {
            name,
            tags = new[] { new { key = "fine", value = "v" }, new { key = new string('k', 251), value = "v" } },
        });

        Assert.Contains("'key' exceeds the maximum length of 250", response.Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE"));
        (await Http.GetJsonAsync("registered-models/get", ("name", name))).Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
    }

    [Fact]
    public async Task Get_UnknownModel_Is404()
    {
        var name = UniqueName();
        var message = (await Http.GetJsonAsync("registered-models/get", ("name", name))).Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
        Assert.Equal($"Registered Model with name={name} not found", message);
    }

    [Fact]
    public async Task Get_WithoutName_NamesTheMissingField()
    {
        var message = (await Http.GetJsonAsync("registered-models/get")).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Contains("'name'", message);
    }

    [Fact]
    public async Task Update_WithPatch_ChangesDescriptionAndLastUpdated()
    {
        var name = await CreateModelAsync();
        var before = await GetModelAsync(name);

        var model = (await Http.PatchJsonAsync("registered-models/update", new { name, description = "v2 notes" })).Ok().GetProperty("registered_model");

        Assert.Equal("v2 notes", model.GetProperty("description").GetString());
        Assert.True(model.GetProperty("last_updated_timestamp").GetInt64() >= before.GetProperty("last_updated_timestamp").GetInt64());
        Assert.Equal("v2 notes", (await GetModelAsync(name)).GetProperty("description").GetString());
    }

    [Fact]
    public async Task Update_UnknownModel_Is404()
    {
        (await Http.PatchJsonAsync("registered-models/update", new { name = UniqueName(), description = "x" }))
            .Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
    }

    [Fact]
    public async Task Rename_MovesVersionsTagsAndAliases()
    {
        var name = await CreateModelAsync(tags: new[] { new { key = "team", value = "risk" } });
        await CreateVersionAsync(name);
        await CreateVersionAsync(name);
        (await Http.PostJsonAsync("registered-models/alias", new { name, alias = "champion", version = "2" })).Ok();
        (await Http.PostJsonAsync("model-versions/set-tag", new { name, version = "1", key = "validated", value = "yes" })).Ok();
        var newName = UniqueName("renamed");

        var renamed = (await Http.PostJsonAsync("registered-models/rename", new { name, new_name = newName })).Ok().GetProperty("registered_model");

        Assert.Equal(newName, renamed.GetProperty("name").GetString());
        Assert.Equal(["champion=2"], Aliases(renamed));
        Assert.Equal(["team=risk"], Tags(renamed));
        (await Http.GetJsonAsync("registered-models/get", ("name", name))).Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
        var version1 = await GetVersionAsync(newName, "1");
        Assert.Equal(newName, version1.GetProperty("name").GetString());
        Assert.Equal(["validated=yes"], Tags(version1));
        var byAlias = (await Http.GetJsonAsync("registered-models/alias", ("name", newName), ("alias", "champion"))).Ok().GetProperty("model_version");
        Assert.Equal("2", byAlias.GetProperty("version").GetString());
        Assert.Equal("3", (await CreateVersionAsync(newName)).GetProperty("version").GetString());
    }

    [Fact]
    public async Task Rename_ToExistingName_Is400AndChangesNothing()
    {
        var name = await CreateModelAsync();
        await CreateVersionAsync(name);
        var other = await CreateModelAsync();

        (await Http.PostJsonAsync("registered-models/rename", new { name, new_name = other })).Error(HttpStatusCode.BadRequest, "RESOURCE_ALREADY_EXISTS");

        Assert.Equal("1", (await GetVersionAsync(name, "1")).GetProperty("version").GetString());
        Assert.False((await GetModelAsync(other)).TryGetProperty("latest_versions", out _));
    }

    [Fact]
    public async Task Rename_WithoutNewName_NamesTheMissingField()
    {
        var name = await CreateModelAsync();
        var message = (await Http.PostJsonAsync("registered-models/rename", new { name })).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Contains("'new_name'", message);
    }

    [Fact]
    public async Task Delete_WithJsonBody_RemovesModelAndItsVersions()
    {
        var name = await CreateModelAsync();
        await CreateVersionAsync(name);
        (await Http.PostJsonAsync("registered-models/alias", new { name, alias = "champion", version = "1" })).Ok();

        var body = (await Http.DeleteJsonAsync("registered-models/delete", new { name })).Ok();

        Assert.Equal("{}", body.GetRawText());
        (await Http.GetJsonAsync("registered-models/get", ("name", name))).Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
        (await Http.GetJsonAsync("model-versions/get", ("name", name), ("version", "1"))).Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
        var search = (await Http.GetJsonAsync("model-versions/search", ("filter", $"name = '{name}'"))).Ok();
        Assert.False(search.TryGetProperty("model_versions", out _));

        // The name is free again, and a new model starts at version 1.
        await CreateModelAsync(name);
        Assert.Equal("1", (await CreateVersionAsync(name)).GetProperty("version").GetString());
        Assert.Empty(Aliases(await GetModelAsync(name)));
    }

    [Fact]
    public async Task Delete_UnknownModel_Is404()
    {
        (await Http.DeleteJsonAsync("registered-models/delete", new { name = UniqueName() })).Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
    }

    [Fact]
    public async Task Delete_WithPost_IsNotARoute()
    {
        var name = await CreateModelAsync();
        var response = await Http.PostJsonAsync("registered-models/delete", new { name });
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        await GetModelAsync(name);
    }

    [Fact]
    public async Task Tags_SetOverwriteAndDelete()
    {
        var name = await CreateModelAsync();

        (await Http.PostJsonAsync("registered-models/set-tag", new { name, key = "stage", value = "dev" })).Ok();
        (await Http.PostJsonAsync("registered-models/set-tag", new { name, key = "stage", value = "prod" })).Ok();
        (await Http.PostJsonAsync("registered-models/set-tag", new { name, key = "owner", value = "ana" })).Ok();
        Assert.Equal(["owner=ana", "stage=prod"], Tags(await GetModelAsync(name)));

        (await Http.DeleteJsonAsync("registered-models/delete-tag", new { name, key = "stage" })).Ok();
        (await Http.DeleteJsonAsync("registered-models/delete-tag", new { name, key = "never-set" })).Ok();
        Assert.Equal(["owner=ana"], Tags(await GetModelAsync(name)));
    }

    [Fact]
    public async Task SetTag_ValueLimitIs100000Characters()
    {
        var name = await CreateModelAsync();

        (await Http.PostJsonAsync("registered-models/set-tag", new { name, key = "big", value = new string('x', 100_000) })).Ok();
        var message = (await Http.PostJsonAsync("registered-models/set-tag", new { name, key = "big", value = new string('x', 100_001) }))
            .Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");

        Assert.Contains("'value' exceeds the maximum length of 100000", message);
        Assert.Equal(100_000, (await GetModelAsync(name)).GetProperty("tags")[0].GetProperty("value").GetString()!.Length);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/absolute")]
    [InlineData("semi;colon")]
    public async Task SetTag_WithBadKey_Is400(string key)
    {
        var name = await CreateModelAsync();
        var message = (await Http.PostJsonAsync("registered-models/set-tag", new { name, key, value = "v" })).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Contains("'key'", message);
    }

    [Fact]
    public async Task SetTag_OnUnknownModel_Is404()
    {
        (await Http.PostJsonAsync("registered-models/set-tag", new { name = UniqueName(), key = "k", value = "v" }))
            .Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
    }

    [Fact]
    public async Task AjaxApiPrefix_ServesTheSameRoutes()
    {
        var name = await CreateModelAsync();
        using var response = await Http.GetAsync($"/ajax-api/2.0/mlflow/registered-models/get?name={name}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
