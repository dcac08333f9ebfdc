using Cairn.Core.Artifacts;
using Cairn.Core.Registry;
using Cairn.Core.Serving;
using Cairn.Serving.Metrics;
using Cairn.Serving.Routing;
using Cairn.Server.Hosting;
using Cairn.Storage;
using Cairn.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Inference.Tests.Support;

/// <summary>
/// A real Cairn server (Kestrel on loopback, port 0, as CairnServerFixture) with an in-memory deployment
/// store and recording metrics and prediction log, plus real LightGBM models registered as "weather"
/// versions 1 and 2 and these deployments:
/// weather (v1), split (v1 90 / v2 10, sticky header X-User), shadowed (v1 live, v2 shadow),
/// paused (v1, paused), by-field (v1 50 / v2 50, sticky field user_id), and temperature (a regression of
/// temp_max with the categorical input weather).
/// </summary>
public sealed class InferenceServerFixture : IAsyncLifetime
{
    public const string Model = "weather";

    private readonly TempDirectory _home = new("cairn-inference");
    private WebApplication? _app;

    public InMemoryDeploymentStore Store { get; } = new();

    public RecordingMetrics Metrics { get; } = new();

    public RecordingPredictionLog Log { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public DeploymentRouter Router => _app!.Services.GetRequiredService<DeploymentRouter>();

    public long Primary { get; private set; }

    public long Challenger { get; private set; }

    public async Task InitializeAsync()
    {
        _app = CairnServer.Build(new ServerOptions { Port = 0 }, new StorageOptions { Home = _home.Path }, builder =>
        {
            builder.Services.AddSingleton<IDeploymentStore>(Store);
            builder.Services.AddSingleton<IServingMetrics>(Metrics);
            builder.Services.AddSingleton<IPredictionLog>(Log);
        });
        await _app.StartAsync();
        Http = new HttpClient { BaseAddress = _app.BoundAddress() };

        var registry = _app.Services.GetRequiredService<IRegistryStore>();
        var artifacts = _app.Services.GetRequiredService<IArtifactStore>();
        Primary = await ModelRegistration.RegisterAsync(registry, artifacts, Model, await SeattleModels.PrimaryAsync());
        Challenger = await ModelRegistration.RegisterAsync(registry, artifacts, Model, await SeattleModels.ChallengerAsync());
        await PutAsync(Deployments.Single("weather", Model, Primary));
        await PutAsync(Deployments.Split("split", Model, Primary, 90, Challenger, 10, stickyKey: "header:X-User"));
        await PutAsync(Deployments.Split("shadowed", Model, Primary, 100, Primary, 0, shadow: Challenger));
        await PutAsync(Deployments.Single("paused", Model, Primary) with { Status = DeploymentStatus.Paused });
        await PutAsync(Deployments.Split("by-field", Model, Primary, 50, Challenger, 50, stickyKey: "field:user_id"));
        var temperature = await ModelRegistration.RegisterAsync(registry, artifacts, "temperature", await SeattleModels.RegressionAsync());
        await PutAsync(Deployments.Single("temperature", "temperature", temperature));
        await WaitUntilAsync(() => Router.IsReady);
    }

    /// <summary>Stores a deployment and refreshes the router, as the deployment service does.</summary>
    public async Task PutAsync(Deployment deployment)
    {
        Store.Put(deployment);
        await Router.RefreshAsync(deployment.Name, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _home.Dispose();
    }

    public static async Task WaitUntilAsync(Func<bool> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }

            await Task.Delay(20);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class InferenceServerCollection : ICollectionFixture<InferenceServerFixture>
{
    public const string Name = "inference server";
}
