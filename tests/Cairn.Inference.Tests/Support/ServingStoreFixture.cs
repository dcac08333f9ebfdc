using Cairn.Core.Artifacts;
using Cairn.Core.Registry;
using Cairn.Core.Serving;
using Cairn.Serving.Hosting;
using Cairn.Serving.Metrics;
using Cairn.Serving.Routing;
using Cairn.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cairn.Inference.Tests.Support;

/// <summary>
/// A migrated SQLite store with the model "weather" registered twice (version 1: the primary LightGBM
/// model, version 2: a challenger), shared by the host and router tests.
/// </summary>
public sealed class ServingStoreFixture : IAsyncLifetime
{
    public const string Model = "weather";

    private StoreHost? _store;

    public IRegistryStore Registry => _store!.Get<IRegistryStore>();

    public IArtifactStore Artifacts => _store!.Get<IArtifactStore>();

    public long Primary { get; private set; }

    public long Challenger { get; private set; }

    public async Task InitializeAsync()
    {
        _store = await StoreHost.CreateAsync();
        Primary = await ModelRegistration.RegisterAsync(Registry, Artifacts, Model, await SeattleModels.PrimaryAsync());
        Challenger = await ModelRegistration.RegisterAsync(Registry, Artifacts, Model, await SeattleModels.ChallengerAsync());
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    public ModelHost NewHost(IServingMetrics? metrics = null, TimeSpan? unloadGrace = null) => new(
        Registry, Artifacts, metrics ?? new RecordingMetrics(), TimeProvider.System,
        Options.Create(new ModelHostOptions { UnloadGracePeriod = unloadGrace ?? TimeSpan.FromSeconds(30) }),
        NullLogger<ModelHost>.Instance);

    public static DeploymentRouter NewRouter(IModelHost host, IDeploymentStore store) =>
        new(host, NullLogger<DeploymentRouter>.Instance, store);
}

[CollectionDefinition(Name)]
public sealed class ServingStoreCollection : ICollectionFixture<ServingStoreFixture>
{
    public const string Name = "serving store";
}
