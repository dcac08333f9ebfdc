using Cairn.Contracts.Native.Monitoring;
using Cairn.Monitoring.Monitors;
using Cairn.Server.Native;

namespace Cairn.Server.Monitoring;

/// <summary>The monitor config, alert rules and alert events of a deployment.</summary>
public static partial class MonitoringApi
{
    private static async Task<IResult> GetConfigAsync(HttpContext ctx, string name, MonitorSettingsService settings)
    {
        var config = await settings.GetConfigAsync(name, ctx.RequestAborted);
        return TypedResults.Json(new MonitorConfigResponse(MonitoringMapping.ToDto(config, settings.NextRunAt(config))), Json.MonitorConfigResponse);
    }

    private static async Task<IResult> PutConfigAsync(HttpContext ctx, string name, MonitorSettingsService settings)
    {
        var body = (await DeploymentsRequest.BodyAsync(ctx, Json.MonitorConfigDto, required: true))!;
        var config = await settings.PutConfigAsync(MonitoringMapping.ToConfig(name, body), ctx.RequestAborted);
        return TypedResults.Json(new MonitorConfigResponse(MonitoringMapping.ToDto(config, settings.NextRunAt(config))), Json.MonitorConfigResponse);
    }

    private static async Task<IResult> GetRulesAsync(HttpContext ctx, string name, MonitorSettingsService settings)
    {
        var (rules, firing) = await settings.GetRulesAsync(name, ctx.RequestAborted);
        return TypedResults.Json(MonitoringMapping.ToDto(rules, firing), Json.AlertRulesDto);
    }

    private static async Task<IResult> PutRulesAsync(HttpContext ctx, string name, MonitorSettingsService settings)
    {
        var body = (await DeploymentsRequest.BodyAsync(ctx, Json.AlertRulesDto, required: true))!;
        await settings.PutRulesAsync(name, MonitoringMapping.ToRules(body), ctx.RequestAborted);
        var (rules, firing) = await settings.GetRulesAsync(name, ctx.RequestAborted);
        return TypedResults.Json(MonitoringMapping.ToDto(rules, firing), Json.AlertRulesDto);
    }

    private static async Task<IResult> ListAlertsAsync(HttpContext ctx, string name, MonitorSettingsService settings)
    {
        var events = await settings.ListAlertEventsAsync(name, MaxResults(ctx), ctx.RequestAborted);
        return TypedResults.Json(new ListAlertEventsResponse(events.Select(MonitoringMapping.ToDto).ToList()), Json.ListAlertEventsResponse);
    }
}
