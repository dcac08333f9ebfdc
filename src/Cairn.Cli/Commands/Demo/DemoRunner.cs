using System.Net.Sockets;
using System.Text.Json.Nodes;
using Cairn.Client;
using Cairn.Serving.PredictionLog;
using Cairn.Server.Hosting;
using Cairn.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cairn.Cli.Commands.Demo;

/// <summary>
/// Tells the closed-loop story against a Cairn server hosted in this process (so the demo can also drive
/// the monitor, the triggers and the rollout controller one pass at a time instead of waiting on their
/// timers); traffic, feedback and pipeline runs go over HTTP like any client's.
/// </summary>
internal sealed partial class DemoRunner(DemoSettings settings, DemoTimeline timeline, CliContext context)
{
    private const string HomeMarker = ".cairn-demo-home";

    private WebApplication _app = null!;
    private CairnClient _client = null!;
    private DemoData _data = null!;
    private DemoTraffic _traffic = null!;
    private readonly JsonObject _outcome = [];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        EnsurePortFree();
        PrepareHome();
        _data = DemoData.Load();
        await WriteDemoFilesAsync(cancellationToken);
        await using var app = await StartServerAsync(cancellationToken);
        _app = app;
        using var client = new CairnClient(app.BoundAddress(), new CairnClientOptions { MaxRetries = 2, RequestTimeout = TimeSpan.FromSeconds(120), UserId = "cairn-demo" });
        _client = client;
        _traffic = new DemoTraffic(client, DemoSettings.Deployment, settings.FeedbackDelayDays);

        await timeline.AddAsync("setup", "server_started", $"Cairn server on {app.BoundAddress()} (SQLite and artifacts under {settings.Home})", data: new JsonObject
        {
            ["server"] = app.BoundAddress().ToString(),
            ["home"] = settings.Home,
        });

        var completed = await TellStoryAsync(cancellationToken);
        await timeline.ClearProgressAsync();
        await PrintExploreAsync(completed, cancellationToken);
        if (settings.Serve)
        {
            await app.WaitForShutdownAsync(cancellationToken);
        }

        return completed ? ExitCodes.Ok : ExitCodes.ApiError;
    }

    /// <summary>The demo's home is recreated on every run; a directory that is not one is never wiped.</summary>
    private void PrepareHome()
    {
        if (Directory.Exists(settings.Home) && Directory.EnumerateFileSystemEntries(settings.Home).Any())
        {
            if (!File.Exists(Path.Combine(settings.Home, HomeMarker)))
            {
                throw new CliUsageException($"--home {settings.Home} is not empty and was not made by `cairn demo`; choose a new or empty directory (the demo recreates its home on every run).");
            }

            Directory.Delete(settings.Home, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(settings.DemoDirectory, "data"));
        File.WriteAllText(Path.Combine(settings.Home, HomeMarker), "made by `cairn demo`; recreated on every run\n");
    }

    private async Task WriteDemoFilesAsync(CancellationToken cancellationToken)
    {
        foreach (var name in new[] { "champion.yaml", "retrain.yaml" })
        {
            await File.WriteAllTextAsync(Path.Combine(settings.DemoDirectory, name), DemoPipelines.Spec(name), cancellationToken);
        }

        await DemoData.WriteCsvAsync(settings.DataFile, _data.Training, cancellationToken);
    }

    private async Task<WebApplication> StartServerAsync(CancellationToken cancellationToken)
    {
        var app = CairnServer.Build(
            new ServerOptions { Host = "127.0.0.1", Port = settings.Port },
            new StorageOptions { Home = settings.Home },
            builder =>
            {
                // The timeline is the demo's output; the server only speaks up for errors.
                builder.Logging.ClearProviders();
                builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Error);
                builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
                builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Error);
                ConfigureServer(builder);
            });
        try
        {
            await app.StartAsync(cancellationToken);
            return app;
        }
        catch (IOException e) when (e.InnerException is SocketException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await app.DisposeAsync();
            throw new CliUsageException($"port {settings.Port} is in use ({e.Message}); pass --port N, or --port 0 for a free one.");
        }
    }

    /// <summary>Checked before the host starts: a host that fails to bind logs stack traces from its background services.</summary>
    private void EnsurePortFree()
    {
        if (settings.Port == 0)
        {
            return;
        }

        try
        {
            var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, settings.Port);
            probe.Start();
            probe.Stop();
        }
        catch (SocketException e)
        {
            throw new CliUsageException($"port {settings.Port} is in use ({e.Message}); pass --port N, or --port 0 for a free one.");
        }
    }

    /// <summary>Hosting tweaks for the demo's server.</summary>
    private static void ConfigureServer(WebApplicationBuilder builder)
    {
        // The replay sends a week of traffic in milliseconds: flush the prediction log often so monitor and rollout see it soon.
        builder.Services.Configure<PredictionLogOptions>(o => o.FlushInterval = TimeSpan.FromMilliseconds(100));
    }
}
