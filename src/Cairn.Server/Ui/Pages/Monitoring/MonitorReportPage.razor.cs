using Cairn.Core.Errors;
using Cairn.Core.Monitoring;
using Cairn.Monitoring.Monitors;
using Microsoft.AspNetCore.Components;

namespace Cairn.Server.Ui.Pages.Monitoring;

/// <summary>
/// <c>/monitoring/reports/{id}</c>: one stored report — the dataset drift verdict, per-feature tests and
/// reference vs current histograms, prediction drift, performance per time slice and across the variant's
/// reports, service health and alerts. Reads the report, the deployment's recent reports (the same history
/// the HTML report draws), and its alert rules and events.
/// </summary>
public sealed partial class MonitorReportPage
{
    /// <summary>Alert events read to find the ones this report caused.</summary>
    private const int AlertEventsRead = 200;

    /// <summary>The history the self-contained HTML report reads, so both show the same over-time charts.</summary>
    private const int HistoryReports = Cairn.Server.Monitoring.MonitorReportHtmlApi.HistoryReports;

    [Inject] private IMonitorStore Reports { get; set; } = null!;

    [Inject] private MonitorSettingsService Settings { get; set; } = null!;

    /// <summary>Alert events straight from the store: a deleted deployment's report still shows the alerts it fired.</summary>
    [Inject] private IMonitorConfigStore Alerts { get; set; } = null!;

    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    [Parameter] public string? Id { get; set; }

    private MonitorReport? Report { get; set; }

    private bool Missing { get; set; }

    private string? Error { get; set; }

    private IReadOnlyList<MonitorReport> History { get; set; } = [];

    private IReadOnlyList<AlertEvent> Events { get; set; } = [];

    private IReadOnlyList<AlertRule> Rules { get; set; } = [];

    private IReadOnlyList<ColumnDrift> Columns => Report?.FeatureDrift?.Columns ?? [];

    protected override async Task OnInitializedAsync()
    {
        var ct = HttpContext?.RequestAborted ?? CancellationToken.None;
        long id;
        try
        {
            id = MonitoringQuery.ParseReportId(Id);
        }
        catch (CairnException e)
        {
            Error = e.Message;
            ResponseStatus.Set(HttpContext, StatusCodes.Status400BadRequest);
            return;
        }

        Report = await Reports.GetReportAsync(id, ct);
        if (Report is null)
        {
            Missing = true;
            return;
        }

        History = await Reports.ListReportsAsync(Report.Deployment, HistoryReports, null, ct);
        Events = [.. (await Alerts.ListAlertEventsAsync(Report.Deployment, AlertEventsRead, ct)).Where(e => e.ReportId == id)];
        try
        {
            (Rules, _) = await Settings.GetRulesAsync(Report.Deployment, ct);
        }
        catch (CairnException e) when (e.Code is ErrorCode.ResourceDoesNotExist or ErrorCode.InvalidParameterValue)
        {
            // The deployment was deleted after the report was made (or its stored name is not one the API accepts):
            // the report itself still shows, without the rules' definitions.
        }
    }


    /// <summary>Evidently's dataset drift sentence: "Drift is detected for 50 % of columns (2 out of 4)."</summary>
    public static string DriftSentence(DatasetDrift drift)
    {
        ArgumentNullException.ThrowIfNull(drift);
        var tested = drift.Columns.Count(c => c.Skipped is null);
        return $"Drift is detected for {Format.Percent(drift.Share)} of columns ({drift.DriftedColumns} out of {tested}). "
            + (drift.Drifted ? "Dataset drift detected" : "No dataset drift")
            + $" (drift share threshold {Format.Number(drift.DriftShare)}).";
    }

    /// <summary>A score against its threshold as the test reads it: p-values drift below, distances at or above.</summary>
    public static string ThresholdText(ColumnDrift column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return (column.IsPValue ? "drift if p < " : "drift if ≥ ") + Format.Number(column.Threshold);
    }

    private AlertRule? RuleNamed(string name) => Rules.FirstOrDefault(r => r.Name == name);
}
