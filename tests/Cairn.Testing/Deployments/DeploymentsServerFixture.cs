using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cairn.Core.Artifacts;
using Cairn.Core.Errors;
using Cairn.Core.Registry;
using Cairn.Registry;
using Cairn.Server.Hosting;
using Cairn.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cairn.Testing.Deployments;

/// <summary>
/// A real server (Kestrel, port 0, temp SQLite home) with registered seattle-weather models. Uses the
/// server's own model host and router, so deployments really load the bundles.
/// </summary>
public class DeploymentsServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _home = new("cairn-deploy");
    private WebApplication? _app;
    private string? _database;

    public HttpClient Http { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => (_app ?? throw new InvalidOperationException("not started")).Services;

    /// <summary>A registered model with three versions: 1 = LightGBM, 2 = baseline (same inputs), 3 = baseline on fewer inputs; alias champion → 1.</summary>
    public string Model { get; } = "weather-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A registered model whose only version's bundle is not a zip: it cannot be loaded.</summary>
    public string BrokenModel { get; } = "broken-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Null for the embedded SQLite store; a connection string for PostgreSQL.</summary>
    protected virtual Task<string?> DatabaseAsync() => Task.FromResult<string?>(null);

    public async Task InitializeAsync()
    {
        _database = await DatabaseAsync();
        await StartAsync();
        await RegisterAsync(Model, await SeattleModels.LightGbm);
        await RegisterAsync(Model, await SeattleModels.Baseline);
        await RegisterAsync(Model, await SeattleModels.Narrow);
        await RegisterAsync(BrokenModel, "not a bundle"u8.ToArray());
        await Services.GetRequiredService<RegistryService>().SetAliasAsync(Model, "champion", "1", CancellationToken.None);
    }

    /// <summary>Stops the server gracefully (as on SIGTERM) and starts a new one on the same home and database.</summary>
    public async Task RestartAsync()
    {
        Http.Dispose();
        await _app!.StopAsync();
        await _app.DisposeAsync();
        await StartAsync();
    }

    private async Task StartAsync()
    {
        var storage = new StorageOptions { Home = _home.Path, Database = _database };
        _app = CairnServer.Build(new ServerOptions { Port = 0 }, storage);
        await _app.StartAsync();
        BaseAddress = _app.BoundAddress();
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>Uploads a bundle zip to the artifact store and registers it as the next version of <paramref name="model"/>.</summary>
    public async Task<long> RegisterAsync(string model, byte[] bundle)
    {
        var registry = Services.GetRequiredService<RegistryService>();
        try
        {
            await registry.CreateRegisteredModelAsync(model, null, null, CancellationToken.None);
        }
        catch (CairnException e) when (e.Code == ErrorCode.ResourceAlreadyExists)
        {
            // Another version of the same model.
        }

        var path = $"registry/{model}/{Guid.NewGuid():N}/model.zip";
        using (var stream = new MemoryStream(bundle))
        {
            await Services.GetRequiredService<IArtifactStore>().PutAsync(path, stream, CancellationToken.None);
        }

        var version = await registry.CreateModelVersionAsync(new NewModelVersion { Name = model, Source = "mlflow-artifacts:/" + path }, CancellationToken.None);
        return version.Version;
    }

    public async Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null, string? user = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (user is not null)
        {
            request.Headers.Add("X-Cairn-User", user);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return ((int)response.StatusCode, body);
    }

    public Task<(int Status, JsonElement Body)> PostAsync(string path, object body, string? user = null) =>
        SendAsync(HttpMethod.Post, path, JsonSerializer.Serialize(body), user);

    public virtual async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _home.Dispose();
    }
}

/// <summary>The same server over a fresh database on the shared test PostgreSQL.</summary>
public sealed class PostgresDeploymentsServerFixture : DeploymentsServerFixture
{
    protected override Task<string?> DatabaseAsync() => PostgresDatabases.CreateAsync("deploy_api");
}
