using Cairn.Core.Errors;
using Cairn.Inference.Tests.Support;
using Cairn.Serving.Hosting;
using Cairn.Training;

namespace Cairn.Inference.Tests;

[Collection(ServingStoreCollection.Name)]
public sealed class ModelHostTests(ServingStoreFixture store)
{
    [Fact]
    public async Task GetAsync_RegisteredVersion_LoadsWarmsUpAndReportsLoadTime()
    {
        var metrics = new RecordingMetrics();
        using var host = store.NewHost(metrics);

        var loaded = await host.GetAsync(ServingStoreFixture.Model, store.Primary, CancellationToken.None);

        Assert.Equal(ModelTask.MulticlassClassification, loaded.Manifest.Task);
        Assert.Contains(loaded.Manifest.Inputs, i => i.Name == "precipitation");
        Assert.True(loaded.LoadTime > TimeSpan.Zero);
        Assert.True(host.TryGetReady(ServingStoreFixture.Model, store.Primary, out var ready));
        Assert.Same(loaded, ready);
        Assert.Single(host.Loaded);
        var load = Assert.Single(metrics.Loads);
        Assert.Equal((ServingStoreFixture.Model, store.Primary), (load.Model, load.Version));
        var prediction = loaded.Scorer.Score(new Dictionary<string, object?>
        {
            ["date"] = "2015-06-01", ["precipitation"] = 0.0, ["temp_max"] = 25.0, ["temp_min"] = 12.0, ["wind"] = 3.0,
        });
        Assert.Contains(prediction.Label, loaded.Manifest.ClassLabels);
    }

    [Fact]
    public async Task GetAsync_ConcurrentCallers_ShareOneLoadAndOneCopy()
    {
        var metrics = new RecordingMetrics();
        using var host = store.NewHost(metrics);

        var loads = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            Task.Run(async () => await host.GetAsync(ServingStoreFixture.Model, store.Primary, CancellationToken.None))));

        Assert.All(loads, l => Assert.Same(loads[0], l));
        Assert.Single(metrics.Loads);
    }

    [Fact]
    public async Task TryGetReady_BeforeLoad_IsFalse()
    {
        using var host = store.NewHost();

        Assert.False(host.TryGetReady(ServingStoreFixture.Model, store.Primary, out var loaded));
        Assert.Null(loaded);
        Assert.Empty(host.Loaded);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task GetAsync_UnknownVersion_IsResourceDoesNotExist()
    {
        using var host = store.NewHost();

        var error = await Assert.ThrowsAsync<CairnException>(async () => await host.GetAsync(ServingStoreFixture.Model, 999, CancellationToken.None));

        Assert.Equal(ErrorCode.ResourceDoesNotExist, error.Code);
        Assert.Empty(host.Loaded);
    }

    [Fact]
    public async Task GetAsync_VersionWhoseBundleIsMissing_IsInvalidStateAndRetriedLater()
    {
        var model = "broken-" + Guid.NewGuid().ToString("N")[..8];
        var version = await ModelRegistration.RegisterAsync(store.Registry, store.Artifacts, model, [1, 2, 3]);
        using var host = store.NewHost();

        var error = await Assert.ThrowsAsync<CairnException>(async () => await host.GetAsync(model, version, CancellationToken.None));
        Assert.Equal(ErrorCode.InvalidState, error.Code);
        Assert.Contains(model, error.Message, StringComparison.Ordinal);

        // The failed load is forgotten: once the version is fixed (here: a second, valid version) loads work.
        var fixedVersion = await ModelRegistration.RegisterAsync(store.Registry, store.Artifacts, model, await SeattleModels.PrimaryAsync());
        var loaded = await host.GetAsync(model, fixedVersion, CancellationToken.None);
        Assert.Equal(fixedVersion, loaded.Version);
        var again = await Assert.ThrowsAsync<CairnException>(async () => await host.GetAsync(model, version, CancellationToken.None));
        Assert.Equal(ErrorCode.InvalidState, again.Code);
    }

    [Fact]
    public async Task Unload_ForgetsTheVersion_AndTheNextGetLoadsAFreshCopy()
    {
        var metrics = new RecordingMetrics();
        using var host = store.NewHost(metrics, unloadGrace: TimeSpan.FromMilliseconds(10));
        var first = await host.GetAsync(ServingStoreFixture.Model, store.Challenger, CancellationToken.None);

        host.Unload(ServingStoreFixture.Model, store.Challenger);

        Assert.False(host.TryGetReady(ServingStoreFixture.Model, store.Challenger, out _));
        Assert.Empty(host.Loaded);
        var second = await host.GetAsync(ServingStoreFixture.Model, store.Challenger, CancellationToken.None);
        Assert.NotSame(first, second);
        Assert.Equal(2, metrics.Loads.Count);
    }

    [Fact]
    public void WarmUpRecord_CoversEveryInputOfTheSignature()
    {
        var inputs = new[]
        {
            new Cairn.Training.Bundles.SignatureField("n", "numeric"),
            new Cairn.Training.Bundles.SignatureField("c", "categorical") { Categories = ["x", "y"] },
            new Cairn.Training.Bundles.SignatureField("d", "datetime"),
            new Cairn.Training.Bundles.SignatureField("b", "boolean"),
            new Cairn.Training.Bundles.SignatureField("t", "text"),
        };

        var record = WarmUpRecord.For(inputs);

        Assert.Equal(["b", "c", "d", "n", "t"], record.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("x", record["c"]);
        Assert.IsType<DateTime>(record["d"]);
    }
}
