using System.Net;
using Cairn.Testing;

namespace Cairn.Server.Tests.Registry;

public abstract class AliasApiTests(CairnServerFixture server) : RegistryTestBase(server)
{
    [Fact]
    public async Task SetAlias_ShowsOnModelAndVersion_AndGetByAliasFindsIt()
    {
        var name = await CreateModelAsync();
        await CreateVersionAsync(name);
        await CreateVersionAsync(name);

        var set = (await Http.PostJsonAsync("registered-models/alias", new { name, alias = "champion", version = "1" })).Ok();
        (await Http.PostJsonAsync("registered-models/alias", new { name, alias = "candidate", version = "2" })).Ok();

        Assert.Equal("{}", set.GetRawText());
        Assert.Equal(["candidate=2", "champion=1"], Aliases(await GetModelAsync(name)));
        var byAlias = (await Http.GetJsonAsync("registered-models/alias", ("name", name), ("alias", "champion"))).Ok().GetProperty("model_version");
        Assert.Equal("1", byAlias.GetProperty("version").GetString());
        Assert.Equal(["champion"], Strings(byAlias, "aliases"));
        Assert.Equal(["candidate"], Strings(await GetVersionAsync(name, "2"), "aliases"));
    }

    [Fact]
    public async Task SetAlias_Again_MovesIt()
    {
        var name = await CreateModelAsync();
        await CreateVersionAsync(name);
        await CreateVersionAsync(name);
        (await Http.PostJsonAsync("registered-models/alias", new { name, alias = "champion", version = "1" })).Ok();

        (await Http.PostJsonAsync("registered-models/alias", new { name, alias = "champion", version = "2" })).Ok();

        Assert.Equal(["champion=2"], Aliases(await GetModelAsync(name)));
        Assert.Empty(Strings(await GetVersionAsync(name, "1"), "aliases"));
    }

    [Fact]
    public async Task DeleteAlias_WithDelete_RemovesOnlyThatAlias()
    {
        var name = await CreateModelAsync();
        await CreateVersionAsync(name);
        (await Http.PostJsonAsync("registered-models/alias", new { name, alias = "champion", version = "1" })).Ok();
        (await Http.PostJsonAsync("registered-models/alias", new { name, alias = "golden", version = "1" })).Ok();

        (await Http.DeleteJsonAsync("registered-models/alias", new { name, alias = "champion" })).Ok();

        Assert.Equal(["golden=1"], Aliases(await GetModelAsync(name)));
        var message = (await Http.GetJsonAsync("registered-models/alias", ("name", name), ("alias", "champion")))
            .Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Equal("Registered model alias champion not found.", message);
    }

    [Fact]
    public async Task DeleteAlias_OnUnknownModel_Is404()
    {
        (await Http.DeleteJsonAsync("registered-models/alias", new { name = UniqueName(), alias = "champion" }))
            .Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
    }

    [Fact]
    public async Task SetAlias_ToUnknownVersion_Is404AndWritesNothing()
    {
        var name = await CreateModelAsync();
        await CreateVersionAsync(name);

        (await Http.PostJsonAsync("registered-models/alias", new { name, alias = "champion", version = "5" })).Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");

        Assert.Empty(Aliases(await GetModelAsync(name)));
    }

    [Theory]
    [InlineData("latest", "reserved")]
    [InlineData("LATEST", "reserved")]
    [InlineData("v1", "reserved")]
    [InlineData("V12", "reserved")]
    [InlineData("has space", "Invalid alias name")]
    [InlineData("dot.ted", "Invalid alias name")]
    public async Task SetAlias_WithInvalidName_Is400(string alias, string expected)
    {
        var name = await CreateModelAsync();
        await CreateVersionAsync(name);

        var message = (await Http.PostJsonAsync("registered-models/alias", new { name, alias, version = "1" })).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");

        Assert.Contains(expected, message);
        Assert.Empty(Aliases(await GetModelAsync(name)));
    }

    [Fact]
    public async Task SetAlias_LengthLimitIs255()
    {
        var name = await CreateModelAsync();
        await CreateVersionAsync(name);

        (await Http.PostJsonAsync("registered-models/alias", new { name, alias = new string('a', 255), version = "1" })).Ok();
        var message = (await Http.PostJsonAsync("registered-models/alias", new { name, alias = new string('a', 256), version = "1" }))
            .Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Contains("255", message);
    }

    [Fact]
    public async Task SetAlias_WithoutFields_NamesTheMissingField()
    {
        var name = await CreateModelAsync();
        Assert.Contains("'alias'", (await Http.PostJsonAsync("registered-models/alias", new { name, version = "1" })).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE"));
        Assert.Contains("'version'", (await Http.PostJsonAsync("registered-models/alias", new { name, alias = "a" })).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE"));
    }

    [Fact]
    public async Task GetByAlias_OnUnknownModel_Is404()
    {
        (await Http.GetJsonAsync("registered-models/alias", ("name", UniqueName()), ("alias", "champion")))
            .Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
    }
}
