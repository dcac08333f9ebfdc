using System.Net;
using System.Text.Json;
using Cairn.Testing;

namespace Cairn.Server.Tests.Registry;

/// <summary>Legacy stages, latest_versions, and the stage-alias rule documented on ModelVersionStage.</summary>
public abstract class StageTransitionTests(CairnServerFixture server) : RegistryTestBase(server)
{
    [Fact]
    public async Task Transition_ToProduction_SetsStageAndProductionAlias()
    {
        var name = await CreateModelAsync();
        await CreateVersionAsync(name);

        var version = await TransitionAsync(name, "1", "production");

        Assert.Equal("Production", version.GetProperty("current_stage").GetString());
        Assert.Equal(["production"], Strings(version, "aliases"));
        Assert.Equal(["production=1"], Aliases(await GetModelAsync(name)));
    }

    [Fact]
    public async Task Transition_WithArchiveExisting_ArchivesOthersInThatStage()
    {
        var name = await CreateModelAsync();
        for (var i = 0; i < 3; i++)
        {
            await CreateVersionAsync(name);
        }

        await TransitionAsync(name, "1", "Production");
        await TransitionAsync(name, "2", "Staging");
        await TransitionAsync(name, "3", "Production", archive: true);

        Assert.Equal("Archived", (await GetVersionAsync(name, "1")).GetProperty("current_stage").GetString());
        Assert.Equal("Staging", (await GetVersionAsync(name, "2")).GetProperty("current_stage").GetString());
        Assert.Equal("Production", (await GetVersionAsync(name, "3")).GetProperty("current_stage").GetString());
        Assert.Equal(["production=3", "staging=2"], Aliases(await GetModelAsync(name)));
    }

    [Fact]
    public async Task Transition_LeavingStage_MovesAliasToHighestRemainingOrRemovesIt()
    {
        var name = await CreateModelAsync();
        for (var i = 0; i < 3; i++)
        {
            await CreateVersionAsync(name);
        }

        await TransitionAsync(name, "1", "Production");
        await TransitionAsync(name, "2", "Production");
        await TransitionAsync(name, "3", "Production");
        Assert.Equal(["production=3"], Aliases(await GetModelAsync(name)));

        await TransitionAsync(name, "3", "Archived");
        Assert.Equal(["production=2"], Aliases(await GetModelAsync(name)));

        (await Http.DeleteJsonAsync("model-versions/delete", new { name, version = "2" })).Ok();
        Assert.Equal(["production=1"], Aliases(await GetModelAsync(name)));

        await TransitionAsync(name, "1", "None");
        Assert.Empty(Aliases(await GetModelAsync(name)));
    }

    [Fact]
    public async Task Transition_DoesNotTouchHandSetAliasOfAnotherVersion()
    {
        var name = await CreateModelAsync();
        await CreateVersionAsync(name);
        await CreateVersionAsync(name);
        await TransitionAsync(name, "1", "Production");
        (await Http.PostJsonAsync("registered-models/alias", new { name, alias = "production", version = "2" })).Ok();

        await TransitionAsync(name, "1", "Archived");

        Assert.Equal(["production=2"], Aliases(await GetModelAsync(name)));
        Assert.Equal("None", (await GetVersionAsync(name, "2")).GetProperty("current_stage").GetString());
    }

    [Fact]
    public async Task Transition_WithArchiveExistingToInactiveStage_Is400AndChangesNothing()
    {
        var name = await CreateModelAsync();
        await CreateVersionAsync(name);

        var message = (await Http.PostJsonAsync("model-versions/transition-stage", new { name, version = "1", stage = "Archived", archive_existing_versions = true }))
            .Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");

        Assert.Contains("not an Active stage", message);
        Assert.Equal("None", (await GetVersionAsync(name, "1")).GetProperty("current_stage").GetString());
    }

    [Fact]
    public async Task Transition_ToUnknownStage_Is400()
    {
        var name = await CreateModelAsync();
        await CreateVersionAsync(name);
        var message = (await Http.PostJsonAsync("model-versions/transition-stage", new { name, version = "1", stage = "Canary", archive_existing_versions = false }))
            .Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Contains("Invalid Model Version stage: Canary", message);
    }

    [Fact]
    public async Task Transition_WithoutArchiveFlag_NamesTheMissingField()
    {
        var name = await CreateModelAsync();
        await CreateVersionAsync(name);
        var message = (await Http.PostJsonAsync("model-versions/transition-stage", new { name, version = "1", stage = "Staging" }))
            .Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        Assert.Contains("'archive_existing_versions'", message);
    }

    [Fact]
    public async Task LatestVersions_OnModel_HoldsHighestVersionPerStage()
    {
        var name = await CreateModelAsync();
        for (var i = 0; i < 4; i++)
        {
            await CreateVersionAsync(name);
        }

        await TransitionAsync(name, "1", "Production");
        await TransitionAsync(name, "2", "Staging");

        var latest = (await GetModelAsync(name)).GetProperty("latest_versions");
        Assert.Equal(["1:Production", "2:Staging", "4:None"], StageList(latest));
    }

    [Fact]
    public async Task GetLatestVersions_WithPostOrGet_FiltersByStage()
    {
        var name = await CreateModelAsync();
        for (var i = 0; i < 3; i++)
        {
            await CreateVersionAsync(name);
        }

        await TransitionAsync(name, "1", "Production");
        await TransitionAsync(name, "2", "Production");

        var post = (await Http.PostJsonAsync("registered-models/get-latest-versions", new { name, stages = new[] { "production" } })).Ok();
        var get = (await Http.GetJsonAsync("registered-models/get-latest-versions", ("name", name), ("stages", "Production"), ("stages", "None"))).Ok();
        var all = (await Http.PostJsonAsync("registered-models/get-latest-versions", new { name })).Ok();

        Assert.Equal(["2:Production"], StageList(post.GetProperty("model_versions")));
        Assert.Equal(["2:Production", "3:None"], StageList(get.GetProperty("model_versions")));
        Assert.Equal(["2:Production", "3:None"], StageList(all.GetProperty("model_versions")));
        (await Http.PostJsonAsync("registered-models/get-latest-versions", new { name, stages = new[] { "Live" } })).Error(HttpStatusCode.BadRequest, "INVALID_PARAMETER_VALUE");
        (await Http.PostJsonAsync("registered-models/get-latest-versions", new { name = UniqueName() })).Error(HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST");
    }

    private static string[] StageList(JsonElement versions) =>
        [.. versions.EnumerateArray().Select(v => $"{v.GetProperty("version").GetString()}:{v.GetProperty("current_stage").GetString()}")];
}
