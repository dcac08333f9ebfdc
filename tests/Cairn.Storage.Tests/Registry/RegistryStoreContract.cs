using Cairn.Core;
using Cairn.Core.Errors;
using Cairn.Core.Registry;
using Cairn.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Tests.Registry;

public abstract class RegistryStoreContract : RegistryStoreTestBase
{
    private static string UniqueName() => "store-" + Guid.NewGuid().ToString("N");

    private async Task<string> CreateModelAsync(params KeyValue[] tags)
    {
        var name = UniqueName();
        await Store.CreateRegisteredModelAsync(new NewRegisteredModel { Name = name, Tags = tags }, CancellationToken.None);
        return name;
    }

    private Task<ModelVersion> CreateVersionAsync(string name, params KeyValue[] tags) =>
        Store.CreateModelVersionAsync(new NewModelVersion { Name = name, Source = "s3://bucket/" + name, Tags = tags }, CancellationToken.None);

    [Fact]
    public async Task Timestamps_ComeFromTheInjectedClock()
    {
        var name = await CreateModelAsync();
        var created = NowMs;
        Time.Advance(TimeSpan.FromSeconds(5));

        var version = await CreateVersionAsync(name);
        Time.Advance(TimeSpan.FromSeconds(5));
        var updated = await Store.UpdateModelVersionAsync(name, 1, "notes", CancellationToken.None);
        var model = await Store.GetRegisteredModelAsync(name, CancellationToken.None);

        Assert.Equal(created + 5_000, version.CreationTimestamp);
        Assert.Equal(created + 10_000, updated.LastUpdatedTimestamp);
        Assert.Equal(created, model.CreationTimestamp);
        Assert.Equal(created + 5_000, model.LastUpdatedTimestamp);
    }

    [Fact]
    public async Task CreateVersion_FailingAfterTakingANumber_WritesNothing()
    {
        var name = await CreateModelAsync();
        var before = await Store.GetRegisteredModelAsync(name, CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(1));

        // A NULL tag value violates NOT NULL when the version is inserted, after the counter was bumped.
        await Assert.ThrowsAsync<DbUpdateException>(() => CreateVersionAsync(name, new KeyValue("k", null!)));

        var after = await Store.GetRegisteredModelAsync(name, CancellationToken.None);
        Assert.Equal(before.LastUpdatedTimestamp, after.LastUpdatedTimestamp);
        Assert.Empty(after.LatestVersions);
        Assert.Equal(1, (await CreateVersionAsync(name)).Version);
    }

    [Fact]
    public async Task CreateModel_DuplicateTagKeys_LastValueWins()
    {
        var name = await CreateModelAsync(new KeyValue("k", "first"), new KeyValue("k", "second"));

        var model = await Store.GetRegisteredModelAsync(name, CancellationToken.None);

        Assert.Equal([new KeyValue("k", "second")], model.Tags);
    }

    [Fact]
    public async Task DeleteModel_LeavesNoRowsBehind()
    {
        var name = await CreateModelAsync(new KeyValue("team", "risk"));
        await CreateVersionAsync(name, new KeyValue("validated", "true"));
        await CreateVersionAsync(name);
        await Store.SetAliasAsync(name, "champion", 2, CancellationToken.None);
        await Store.TransitionModelVersionStageAsync(name, 1, ModelVersionStage.Production, false, CancellationToken.None);
        await using var before = Contexts.Create();
        var id = await before.RegisteredModels.Where(m => m.Name == name).Select(m => m.Id).SingleAsync();

        await Store.DeleteRegisteredModelAsync(name, CancellationToken.None);

        await using var db = Contexts.Create();
        Assert.Equal(0, await db.RegisteredModelTags.CountAsync(t => t.RegisteredModelId == id));
        Assert.Equal(0, await db.ModelVersions.CountAsync(v => v.RegisteredModelId == id));
        Assert.Equal(0, await db.ModelVersionTags.CountAsync(t => t.RegisteredModelId == id));
        Assert.Equal(0, await db.RegisteredModelAliases.CountAsync(a => a.RegisteredModelId == id));
    }

    [Fact]
    public async Task Transition_WithArchive_StampsArchivedVersionsAndModel()
    {
        var name = await CreateModelAsync();
        await CreateVersionAsync(name);
        await CreateVersionAsync(name);
        await Store.TransitionModelVersionStageAsync(name, 1, ModelVersionStage.Staging, false, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));

        await Store.TransitionModelVersionStageAsync(name, 2, ModelVersionStage.Staging, true, CancellationToken.None);

        var archived = await Store.GetModelVersionAsync(name, 1, CancellationToken.None);
        Assert.Equal(ModelVersionStage.Archived, archived.CurrentStage);
        Assert.Equal(NowMs, archived.LastUpdatedTimestamp);
        Assert.Equal(NowMs, (await Store.GetRegisteredModelAsync(name, CancellationToken.None)).LastUpdatedTimestamp);
        Assert.Equal([new RegisteredModelAlias("staging", 2)], (await Store.GetRegisteredModelAsync(name, CancellationToken.None)).Aliases);
    }

    [Fact]
    public async Task UnknownModelOrVersion_IsResourceDoesNotExist()
    {
        var name = await CreateModelAsync();

        var missingModel = await Assert.ThrowsAsync<CairnException>(() => Store.GetLatestVersionsAsync(UniqueName(), [], CancellationToken.None));
        var missingVersion = await Assert.ThrowsAsync<CairnException>(() => Store.TransitionModelVersionStageAsync(name, 3, ModelVersionStage.Production, false, CancellationToken.None));

        Assert.Equal(ErrorCode.ResourceDoesNotExist, missingModel.Code);
        Assert.Equal(ErrorCode.ResourceDoesNotExist, missingVersion.Code);
    }

    [Fact]
    public async Task SearchVersions_NotEqualOnTag_MatchesVersionsWithoutTheTag()
    {
        var name = await CreateModelAsync();
        await CreateVersionAsync(name, new KeyValue("env", "prod"));
        await CreateVersionAsync(name, new KeyValue("env", "dev"));
        await CreateVersionAsync(name);
        var query = new RegistrySearchQuery
        {
            Filter = SearchFilterParser.Parse($"name = '{name}' AND tags.env != 'prod'", SearchContext.ModelVersions),
            OrderBy = SearchFilterParser.ParseOrderBy(["version_number"], SearchContext.ModelVersions),
        };

        var page = await Store.SearchModelVersionsAsync(query, CancellationToken.None);

        Assert.Equal([2L, 3L], page.Items.Select(v => v.Version));
        Assert.Null(page.NextPageToken);
    }

    [Fact]
    public async Task SearchModels_IsNullAndIsNotNullOnTag()
    {
        var prefix = UniqueName();
        await Store.CreateRegisteredModelAsync(new NewRegisteredModel { Name = prefix + "-a", Tags = [new KeyValue("owner", "ana")] }, CancellationToken.None);
        await Store.CreateRegisteredModelAsync(new NewRegisteredModel { Name = prefix + "-b" }, CancellationToken.None);

        async Task<string[]> Search(string clause) =>
            [.. (await Store.SearchRegisteredModelsAsync(
                new RegistrySearchQuery { Filter = SearchFilterParser.Parse($"name LIKE '{prefix}%' AND {clause}", SearchContext.RegisteredModels) },
                CancellationToken.None)).Items.Select(m => m.Name)];

        Assert.Equal([prefix + "-b"], await Search("tags.owner IS NULL"));
        Assert.Equal([prefix + "-a"], await Search("tags.owner IS NOT NULL"));
    }
}
