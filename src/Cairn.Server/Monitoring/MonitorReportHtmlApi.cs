using System.Globalization;
using Cairn.Core.Errors;
using Cairn.Core.Monitoring;
using Cairn.Monitoring.Reports;
using Cairn.Server.Metrics;

namespace Cairn.Server.Monitoring;

/// <summary>
/// <c>GET /api/v1/monitor/reports/{id}/html</c>: a stored monitor report as one self-contained HTML page
/// (drift table, histograms, performance and drift over time from the deployment's earlier reports).
/// Errors are the common {error_code, message} JSON body (404 for an unknown id).
/// </summary>
public static class MonitorReportHtmlApi
{
    /// <summary>Earlier reports read for the over-time charts.</summary>
    internal const int HistoryReports = 100;

    /// <summary>The drift gauges appended to <c>/metrics</c> (see <see cref="MetricsApi"/>).</summary>
    public static IServiceCollection AddMonitoringGauges(this IServiceCollection services)
    {
        services.AddSingleton<MonitoringGauges>();
        return services;
    }

    public static WebApplication MapMonitorReportHtmlApi(this WebApplication app)
    {
        app.MapGet("/api/v1/monitor/reports/{id}/html", RenderAsync);
        return app;
    }

    private static async Task<IResult> RenderAsync(HttpContext ctx, string id)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var reportId))
        {
            throw CairnException.InvalidParameter($"Report id '{id}' is not a number; 'id' must be the numeric id of a monitor report.");
        }

        var store = ctx.RequestServices.GetService<IMonitorStore>()
            ?? throw CairnException.NotFound($"Monitor report {reportId} does not exist (monitoring is not enabled on this server).");
        var report = await store.GetReportAsync(reportId, ctx.RequestAborted)
            ?? throw CairnException.NotFound($"Monitor report {reportId} does not exist.");
        var history = await store.ListReportsAsync(report.Deployment, HistoryReports, null, ctx.RequestAborted);
        // The store answers newest first; the report draws oldest first and only reports before this one.
        var older = history.Where(r => r.Id != report.Id && r.CreatedAt <= report.CreatedAt).OrderBy(r => r.CreatedAt).ToList();
        return Results.Content(HtmlReport.Render(report, older), HtmlReport.ContentType);
    }
}
