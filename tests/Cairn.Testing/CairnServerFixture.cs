using Cairn.Server.Hosting;
using Cairn.Storage;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace Cairn.Testing;

/// <summary>
/// A real Cairn server (Kestrel on 127.0.0.1, free port) over a private SQLite home, shared by a test
/// collection. Subclasses may point it at PostgreSQL by overriding <see cref="DatabaseConnectionString"/>.
/// </summary>
public class CairnServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _home = new("cairn-server");
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string Home => _home.Path;

    public WebApplication App => _app ?? throw new InvalidOperationException("The server is not started.");

    /// <summary>Null for the embedded SQLite store.</summary>
    protected virtual Task<string?> DatabaseConnectionStringAsync() => Task.FromResult<string?>(null);

    public async Task InitializeAsync()
    {
        await StartAsync();
    }

    /// <summary>Stops and starts the server over the same home and database (for restart tests).</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await StopAsync();
        _home.Dispose();
    }

    private async Task StartAsync()
    {
        var storage = new StorageOptions { Home = _home.Path, Database = await DatabaseConnectionStringAsync() };
        _app = CairnServer.Build(new ServerOptions { Port = 0 }, storage);
        await _app.StartAsync();
        BaseAddress = _app.BoundAddress();
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    private async Task StopAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
