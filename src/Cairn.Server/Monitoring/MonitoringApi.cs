using Cairn.Contracts.Native.Monitoring;
using Cairn.Core.Errors;
using Cairn.Core.Monitoring;
using Cairn.Monitoring.Monitors;
using Cairn.Server.Native;

namespace Cairn.Server.Monitoring;

/// <summary>
/// The monitoring API: run a monitor on a deployment, list and read its reports, its monitor config
/// (schedule, window, drift options), its alert rules and alert events. Errors use the common
/// {error_code, message} body; bad values are 400 INVALID_PARAMETER_VALUE naming the field.
/// </summary>
public static partial class MonitoringApi
{
    public const int DefaultMaxResults = 100;

    public const int MaxMaxResults = 1000;

    private static MonitoringJsonContext Json => MonitoringJsonContext.Default;

    /// <summary>The monitor service, the config/alert service and the scheduler (a hosted service).</summary>
    public static IServiceCollection AddMonitoringApi(this IServiceCollection services)
    {
        services.AddCairnMonitors();
        services.AddHostedService(sp => sp.GetRequiredService<MonitorScheduler>());
        return services;
    }

    public static WebApplication MapMonitoringApi(this WebApplication app)
    {
        var g = app.MapGroup("/api/v1/deployments/{name}");
        g.MapPost("/monitor", RunAsync);
        g.MapGet("/monitor/reports", ListReportsAsync);
        g.MapGet("/monitor/config", GetConfigAsync);
        g.MapPut("/monitor/config", PutConfigAsync);
        g.MapGet("/alert-rules", GetRulesAsync);
        g.MapPut("/alert-rules", PutRulesAsync);
        g.MapGet("/alerts", ListAlertsAsync);
        app.MapGet("/api/v1/monitor/reports/{id}", GetReportAsync);
        return app;
    }

    private static async Task<IResult> RunAsync(HttpContext ctx, string name, MonitorService service, TimeProvider time)
    {
        var body = await DeploymentsRequest.BodyAsync(ctx, Json.RunMonitorRequest, required: false) ?? new();
        var request = MonitoringMapping.ToRequest(name, body, time.GetUtcNow().ToUnixTimeMilliseconds());
        var reports = await service.RunAllAsync(request, ctx.RequestAborted);
        var dtos = reports.Select(MonitoringMapping.ToDto).ToList();
        return TypedResults.Json(new MonitorReportResponse(dtos[0], dtos.Count > 1 ? dtos : null), Json.MonitorReportResponse);
    }

    private static async Task<IResult> ListReportsAsync(HttpContext ctx, string name, MonitorSettingsService settings, IMonitorStore store)
    {
        var max = MaxResults(ctx);
        var after = DeploymentsRequest.QueryLong(ctx, "after");
        await settings.RequireDeploymentAsync(name, ctx.RequestAborted);
        var variant = ctx.Request.Query["variant"].ToString();
        var reports = await store.ListReportsAsync(name, variant.Length > 0 ? MaxMaxResults : max, after, ctx.RequestAborted);
        var selected = variant.Length > 0 ? reports.Where(r => r.Variant == variant).Take(max) : reports;
        return TypedResults.Json(new ListMonitorReportsResponse(selected.Select(MonitoringMapping.ToDto).ToList()), Json.ListMonitorReportsResponse);
    }

    private static async Task<IResult> GetReportAsync(HttpContext ctx, string id, IMonitorStore store)
    {
        if (!long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var reportId))
        {
            throw CairnException.InvalidParameter($"Invalid value '{id}' for parameter 'id': a report id is a positive integer.");
        }

        var report = await store.GetReportAsync(reportId, ctx.RequestAborted)
            ?? throw CairnException.NotFound($"Monitor report {reportId} does not exist.");
        return TypedResults.Json(new MonitorReportResponse(MonitoringMapping.ToDto(report)), Json.MonitorReportResponse);
    }

    private static int MaxResults(HttpContext ctx)
    {
        var max = DeploymentsRequest.QueryLong(ctx, "max_results") ?? DefaultMaxResults;
        return max is < 1 or > MaxMaxResults
            ? throw CairnException.InvalidParameter($"Invalid value '{max}' for parameter 'max_results': it must be from 1 to {MaxMaxResults}.")
            : (int)max;
    }
}
