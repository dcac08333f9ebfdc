using Cairn.Core.Errors;
using Cairn.Core.Registry;
using Cairn.Core.Serving;
using Cairn.Registry;
using Cairn.Serving.Deployments;
using Cairn.Serving.Hosting;
using Cairn.Serving.Routing;
using Cairn.Testing;
using Cairn.Training;
using Cairn.Training.Bundles;
using Microsoft.Extensions.Time.Testing;

namespace Cairn.Server.Tests.Deployments;

/// <summary>
/// The order of a change, over a real SQLite store with a recording host and router: every new variant is
/// loaded before anything is stored, the router is refreshed after, and a failed load stores nothing.
/// </summary>
public sealed class DeploymentServiceOrderTests : IAsyncLifetime
{
    private readonly List<string> _calls = [];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private StoreHost _store = null!;
    private DeploymentService _service = null!;
    private RecordingHost _host = null!;

    public async Task InitializeAsync()
    {
        _store = await StoreHost.CreateAsync(time: _time);
        var deployments = new RecordingStore(_store.Get<IDeploymentStore>(), _calls);
        var registry = new RegistryService(_store.Get<IRegistryStore>());
        await registry.CreateRegisteredModelAsync("m", null, null, CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            await registry.CreateModelVersionAsync(new NewModelVersion { Name = "m", Source = $"mlflow-artifacts:/m/{i}" }, CancellationToken.None);
        }

        _host = new RecordingHost(_calls);
        _service = new DeploymentService(deployments, registry, _host, new RecordingRouter(_calls), _time);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private static VariantSpec Spec(string name, long version, int? weight = null) => new() { Name = name, Model = "m", Version = version, Weight = weight };

    [Fact]
    public async Task Create_LoadsEveryVariant_ThenStores_ThenRefreshesTheRouter()
    {
        var created = await _service.CreateAsync(new NewDeployment { Name = "d", Variants = [Spec("a", 1, 90), Spec("b", 2, 10)] }, new ChangeContext("ann", "go"), CancellationToken.None);

        Assert.Equal(["load m/1", "load m/2", "store create d", "refresh d"], _calls);
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), created.CreationTimestamp);
    }

    [Fact]
    public async Task Update_WhenANewVersionFailsToLoad_StoresNothingAndDoesNotRefresh()
    {
        await _service.CreateAsync(new NewDeployment { Name = "d", Variants = [Spec("a", 1)] }, new ChangeContext("ann", null), CancellationToken.None);
        _calls.Clear();
        _host.Broken = 3;

        var error = await Assert.ThrowsAsync<CairnException>(() =>
            _service.UpdateAsync("d", new DeploymentUpdate { Variants = [Spec("a", 3)] }, new ChangeContext("ann", null), CancellationToken.None));
        var current = await _service.GetAsync("d", CancellationToken.None);

        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.DoesNotContain(_calls, c => c.StartsWith("store", StringComparison.Ordinal) || c.StartsWith("refresh", StringComparison.Ordinal));
        Assert.Equal(1, current.Variants[0].Version);
    }

    [Fact]
    public async Task Rollback_ReloadsThePinnedVersions_AndRecordsTheClockTime()
    {
        await _service.CreateAsync(new NewDeployment { Name = "d", Variants = [Spec("a", 1)] }, new ChangeContext("ann", null), CancellationToken.None);
        await _service.UpdateAsync("d", new DeploymentUpdate { Variants = [Spec("a", 2)] }, new ChangeContext("bo", null), CancellationToken.None);
        _calls.Clear();
        _time.Advance(TimeSpan.FromMinutes(5));

        var rolledBack = await _service.RollbackAsync("d", null, null, new ChangeContext("cy", "bad"), CancellationToken.None);
        var latest = (await _service.ListEventsAsync("d", 1, CancellationToken.None))[0];

        Assert.Equal(1, rolledBack.Variants[0].Version);
        Assert.Equal(["load m/2", "load m/1", "store update d", "refresh d"], _calls);
        Assert.Equal(("rollback", "cy", "bad", _time.GetUtcNow().ToUnixTimeMilliseconds()), (latest.Action, latest.Actor, latest.Reason, latest.Timestamp));
    }

    private sealed class RecordingHost(List<string> calls) : IModelHost
    {
        private static readonly BundleManifest Manifest = new()
        {
            Flavor = ModelFlavor.Baseline, Task = ModelTask.Regression, Inputs = [new SignatureField("x", "numeric")], Outputs = [new SignatureField("score", "numeric")],
        };

        public long? Broken { get; set; }

        public IReadOnlyCollection<LoadedModel> Loaded => [];

        public ValueTask<LoadedModel> GetAsync(string model, long version, CancellationToken cancellationToken)
        {
            calls.Add($"load {model}/{version}");
            return version == Broken
                ? throw new CairnException(ErrorCode.InvalidState, "the bundle is corrupt")
                : ValueTask.FromResult(new LoadedModel(model, version, Manifest, null!, TimeSpan.Zero));
        }

        public bool TryGetReady(string model, long version, out LoadedModel? loaded)
        {
            loaded = null;
            return false;
        }

        public void Unload(string model, long version)
        {
        }
    }

    private sealed class RecordingRouter(List<string> calls) : IDeploymentRouter
    {
        public RouteDecision Route(string deployment, string? stickyKey) => throw new NotSupportedException();

        public Task RefreshAsync(string deployment, CancellationToken cancellationToken)
        {
            calls.Add($"refresh {deployment}");
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingStore(IDeploymentStore inner, List<string> calls) : IDeploymentStore
    {
        public Task<Deployment> CreateAsync(Deployment deployment, DeploymentEvent created, CancellationToken cancellationToken)
        {
            calls.Add($"store create {deployment.Name}");
            return inner.CreateAsync(deployment, created, cancellationToken);
        }

        public Task<Deployment?> GetAsync(string name, CancellationToken cancellationToken) => inner.GetAsync(name, cancellationToken);

        public Task<IReadOnlyList<Deployment>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

        public Task<Deployment> UpdateAsync(Deployment deployment, long expectedRevision, DeploymentEvent change, CancellationToken cancellationToken)
        {
            calls.Add($"store update {deployment.Name}");
            return inner.UpdateAsync(deployment, expectedRevision, change, cancellationToken);
        }

        public Task DeleteAsync(string name, DeploymentEvent deleted, CancellationToken cancellationToken)
        {
            calls.Add($"store delete {name}");
            return inner.DeleteAsync(name, deleted, cancellationToken);
        }

        public Task<IReadOnlyList<DeploymentEvent>> ListEventsAsync(string name, int maxResults, CancellationToken cancellationToken) =>
            inner.ListEventsAsync(name, maxResults, cancellationToken);
    }
}
