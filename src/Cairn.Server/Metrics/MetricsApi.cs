using Cairn.Core.Serving;
using Cairn.Serving.Hosting;
using Cairn.Serving.Metrics;
using Cairn.Server.Monitoring;
using Microsoft.AspNetCore.Hosting;

namespace Cairn.Server.Metrics;

/// <summary>
/// <c>GET /metrics</c>: the serving metrics in the Prometheus text format 0.0.4. The prediction log and
/// the model host are optional here (read when registered), so the endpoint works whichever serving
/// parts a server runs.
/// </summary>
public static class MetricsApi
{
    public static IServiceCollection AddMetricsApi(this IServiceCollection services)
    {
        services.AddServingMetrics();
        services.AddSingleton<HttpApiMetrics>();
        services.AddSingleton<IStartupFilter, HttpApiMetrics.StartupFilter>();
        return services;
    }

    public static WebApplication MapMetricsApi(this WebApplication app)
    {
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            var services = context.RequestServices;
            var writer = new PrometheusTextWriter();
            services.GetRequiredService<ServingMetrics>().WriteTo(
                writer,
                services.GetService<IPredictionLog>()?.Stats,
                services.GetService<IModelHost>()?.Loaded.Count);
            services.GetRequiredService<HttpApiMetrics>().WriteTo(writer);
            await (services.GetService<MonitoringGauges>()?.WriteToAsync(writer, context.RequestAborted) ?? Task.CompletedTask);
            return Results.Text(writer.ToString(), PrometheusTextWriter.ContentType);
        });
        return app;
    }
}
