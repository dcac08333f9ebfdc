using Cairn.Server.Mlflow;
using Cairn.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Cairn.Server.Hosting;

/// <summary>
/// The composition root of <c>cairn server</c>: one process with the metadata store, the artifact store
/// and every API. Used by the CLI and, with port 0, by the tests (a real Kestrel on loopback).
/// </summary>
public static class CairnServer
{
    public static WebApplication Build(ServerOptions server, StorageOptions storage, Action<WebApplicationBuilder>? configure = null)
    {
        var storageFailures = ServerOptionsValidator.ValidateStorage(storage);
        if (storageFailures.Count > 0)
        {
            throw new OptionsValidationException(nameof(StorageOptions), typeof(StorageOptions), storageFailures);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls($"http://{(server.Host == "localhost" ? "127.0.0.1" : server.Host)}:{server.Port}");
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = server.MaxRequestBodyBytes;
        });
        builder.Logging.ClearProviders();
        if (server.LogFormat == "json")
        {
            builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ");
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            });
        }

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = server.ShutdownTimeout);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsValidator>();
        builder.Services.AddOptions<ServerOptions>().Configure(o =>
        {
            o.Host = server.Host;
            o.Port = server.Port;
            o.MaxRequestBodyBytes = server.MaxRequestBodyBytes;
            o.LogFormat = server.LogFormat;
            o.ShutdownTimeout = server.ShutdownTimeout;
        }).ValidateOnStart();
        builder.Services.AddCairnStorage(storage);
        builder.Services.AddHostedService<MigrationHostedService>();
        builder.Services.AddCairnApis();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseMiddleware<MlflowErrorMiddleware>();
        app.MapCairnApis();
        return app;
    }

    /// <summary>The address Kestrel actually bound (useful with port 0).</summary>
    public static Uri BoundAddress(this WebApplication app) => new(app.Urls.First());
}
