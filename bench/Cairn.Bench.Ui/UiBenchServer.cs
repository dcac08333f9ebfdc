using Cairn.Server.Hosting;
using Cairn.Storage;
using Cairn.Testing;
using Cairn.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cairn.Bench.Ui;

/// <summary>A real Cairn server (same composition root as <c>cairn server</c>) on a fresh SQLite home, in this process.</summary>
internal sealed class UiBenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempDirectory _home;

    private UiBenchServer(WebApplication app, TempDirectory home)
    {
        _app = app;
        _home = home;
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = app.BoundAddress() };
    }

    public HttpClient Http { get; }

    public TrackingService Tracking => _app.Services.GetRequiredService<TrackingService>();

    public static async Task<UiBenchServer> StartAsync()
    {
        var home = new TempDirectory("cairn-bench-ui");
        var app = CairnServer.Build(new ServerOptions { Port = 0 }, new StorageOptions { Home = home.Path }, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Error);
        });
        await app.StartAsync();
        return new UiBenchServer(app, home);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _home.Dispose();
    }
}
