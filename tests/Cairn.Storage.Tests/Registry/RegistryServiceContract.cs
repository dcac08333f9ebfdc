using Cairn.Core.Errors;
using Cairn.Core.Registry;
using Cairn.Registry;

namespace Cairn.Storage.Tests.Registry;

/// <summary>The registry service's rules that need a real store: models:/ sources, download URIs, prompts.</summary>
public abstract class RegistryServiceContract : RegistryStoreTestBase
{
    private static string UniqueName() => "svc-" + Guid.NewGuid().ToString("N");

    private sealed class LoggedModels(params LoggedModelReference[] models) : ILoggedModelResolver
    {
        public Task<LoggedModelReference?> FindAsync(string modelId, CancellationToken cancellationToken) =>
            Task.FromResult(models.FirstOrDefault(m => m.ModelId == modelId));
    }

    [Fact]
    public async Task DownloadUri_OfLoggedModelSource_IsResolvedOnceAResolverExists()
    {
        var modelId = "m-" + Guid.NewGuid().ToString("N");
        var withoutResolver = new RegistryService(Store);
        var name = UniqueName();
        await withoutResolver.CreateRegisteredModelAsync(name, null, null, CancellationToken.None);
        var version = await withoutResolver.CreateModelVersionAsync(new NewModelVersion { Name = name, Source = $"models:/{modelId}" }, CancellationToken.None);

        var before = await withoutResolver.GetDownloadUriAsync(name, "1", CancellationToken.None);
        var withResolver = new RegistryService(Store, new LoggedModels(new LoggedModelReference(modelId, "4", null, $"mlflow-artifacts:/4/models/{modelId}/artifacts")));
        var after = await withResolver.GetDownloadUriAsync(name, "1", CancellationToken.None);

        Assert.Equal(modelId, version.ModelId);
        Assert.Equal($"models:/{modelId}", before);
        Assert.Equal($"mlflow-artifacts:/4/models/{modelId}/artifacts", after);
    }

    [Fact]
    public async Task CreateVersion_FromStageAndLatestUris_UsesTheHighestMatchingVersion()
    {
        var service = new RegistryService(Store);
        var upstream = UniqueName();
        await service.CreateRegisteredModelAsync(upstream, null, null, CancellationToken.None);
        for (var i = 1; i <= 3; i++)
        {
            await service.CreateModelVersionAsync(new NewModelVersion { Name = upstream, Source = $"s3://b/{i}" }, CancellationToken.None);
        }

        await service.TransitionModelVersionStageAsync(upstream, "2", "Production", false, CancellationToken.None);
        var name = UniqueName();
        await service.CreateRegisteredModelAsync(name, null, null, CancellationToken.None);

        var fromStage = await service.CreateModelVersionAsync(new NewModelVersion { Name = name, Source = $"models:/{upstream}/Production" }, CancellationToken.None);
        var fromLatest = await service.CreateModelVersionAsync(new NewModelVersion { Name = name, Source = $"models:/{upstream}/latest" }, CancellationToken.None);

        Assert.Equal("s3://b/2", fromStage.DownloadUri);
        Assert.Equal("s3://b/3", fromLatest.DownloadUri);
        var staging = await Assert.ThrowsAsync<CairnException>(() =>
            service.CreateModelVersionAsync(new NewModelVersion { Name = name, Source = $"models:/{upstream}/Staging" }, CancellationToken.None));
        Assert.Equal(ErrorCode.InvalidParameterValue, staging.Code);
    }

    [Fact]
    public async Task SearchVersions_LeavesPromptVersionsOut()
    {
        var service = new RegistryService(Store);
        var name = UniqueName();
        await service.CreateRegisteredModelAsync(name, null, null, CancellationToken.None);
        await service.CreateModelVersionAsync(new NewModelVersion { Name = name, Source = "s3://b/model" }, CancellationToken.None);
        await service.CreateModelVersionAsync(
            new NewModelVersion { Name = name, Source = "s3://b/prompt", Tags = [new Core.KeyValue(RegistryService.PromptTag, "true")] },
            CancellationToken.None);

        var normal = await service.SearchModelVersionsAsync($"name = '{name}'", null, null, null, CancellationToken.None);
        var prompts = await service.SearchModelVersionsAsync($"name = '{name}' AND tags.`{RegistryService.PromptTag}` = 'true'", null, null, null, CancellationToken.None);

        Assert.Equal([1L], normal.Items.Select(v => v.Version));
        Assert.Equal([2L], prompts.Items.Select(v => v.Version));
    }

    [Theory]
    [InlineData("models:/")]
    [InlineData("models:/a/b/c")]
    [InlineData("models:/name@")]
    public async Task CreateVersion_WithMalformedModelUri_Is400NamingTheSource(string source)
    {
        var service = new RegistryService(Store);
        var name = UniqueName();
        await service.CreateRegisteredModelAsync(name, null, null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<CairnException>(() =>
            service.CreateModelVersionAsync(new NewModelVersion { Name = name, Source = source }, CancellationToken.None));

        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains("'source'", error.Message);
    }
}
