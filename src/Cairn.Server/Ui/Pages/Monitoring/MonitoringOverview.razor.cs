using Cairn.Core.Errors;
using Cairn.Core.Monitoring;
using Cairn.Core.Pipelines;
using Cairn.Monitoring.Monitors;
using Cairn.Pipelines;
using Cairn.Serving.Deployments;
using Microsoft.AspNetCore.Components;

namespace Cairn.Server.Ui.Pages.Monitoring;

/// <summary>
/// <c>/monitoring</c>: monitor reports newest first (all deployments or <c>?deployment=</c>), paged with
/// <c>?before=ID</c>; drift share over reports; alert rules and events; the runs monitor triggers started.
/// A bounded number of store calls: reports, deployments, alert events, rules, applied pipelines, and the
/// runs of at most <see cref="MaxTriggerPipelines"/> pipelines whose triggers watch reports.
/// </summary>
public sealed partial class MonitoringOverview
{
    private const int MaxAlertEvents = 50;
    private const int MaxTriggerPipelines = 10;
    private const int RunsPerPipeline = 50;

    [Inject] private IMonitorStore Reports { get; set; } = null!;

    [Inject] private MonitorSettingsService Settings { get; set; } = null!;

    [Inject] private DeploymentService Deployments { get; set; } = null!;

    [Inject] private IAppliedPipelineStore AppliedPipelines { get; set; } = null!;

    [Inject] private PipelineService Pipelines { get; set; } = null!;

    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    [SupplyParameterFromQuery(Name = "deployment")] public string? DeploymentFilter { get; set; }

    [SupplyParameterFromQuery(Name = "before")] public string? Before { get; set; }

    private MonitoringQuery? Query { get; set; }

    private string? Error { get; set; }

    private IReadOnlyList<MonitorReport> Page { get; set; } = [];

    private long? OlderBefore { get; set; }

    private IReadOnlyList<string> DeploymentNames { get; set; } = [];

    private IReadOnlyList<AlertEvent> AlertEvents { get; set; } = [];

    private IReadOnlyList<AlertRule> Rules { get; set; } = [];

    private IReadOnlyList<AlertState> Firing { get; set; } = [];

    private IReadOnlyList<MonitorTrigger> Triggers { get; set; } = [];

    private IReadOnlyList<TriggerFire> Fires { get; set; } = [];

    private string? HeadlineMetric => Page.Select(r => MonitoringCharts.MetricNames(r.Performance).FirstOrDefault()).FirstOrDefault(m => m is not null);

    protected override async Task OnInitializedAsync()
    {
        var ct = HttpContext?.RequestAborted ?? CancellationToken.None;
        DeploymentNames = [.. (await Deployments.ListAsync(ct)).Select(d => d.Name).Order(StringComparer.Ordinal)];
        try
        {
            Query = MonitoringQuery.Parse(DeploymentFilter, Before);
            // One more than a page tells whether there are older reports.
            var reports = await Reports.ListRecentReportsAsync(Query.Deployment, MonitoringQuery.PageSize + 1, Query.Before, ct);
            Page = [.. reports.Take(MonitoringQuery.PageSize)];
            OlderBefore = reports.Count > MonitoringQuery.PageSize ? Page[^1].Id : null;
            if (Query.Deployment is { } name)
            {
                await LoadDeploymentAlertsAsync(name, ct);
            }
            else
            {
                AlertEvents = await Settings.ListAllAlertEventsAsync(MaxAlertEvents, ct);
            }

            await LoadTriggersAsync(Query.Deployment, ct);
        }
        catch (CairnException e) when (e.Code is ErrorCode.InvalidParameterValue or ErrorCode.ResourceDoesNotExist)
        {
            Error = e.Message;
            // A filter naming no deployment is a bad filter (400), and a 404 page would lose its body (.NET 10's endpoint renderer
            // answers a component's 404 without one): the message and the filter form stay on the page.
            ResponseStatus.Set(HttpContext, StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>Rules and firing states need the deployment; a deleted one with stored reports still shows its reports.</summary>
    private async Task LoadDeploymentAlertsAsync(string name, CancellationToken ct)
    {
        if (!DeploymentNames.Contains(name, StringComparer.Ordinal))
        {
            if (Page.Count == 0)
            {
                throw CairnException.NotFound($"Deployment '{name}' does not exist and has no monitor reports.");
            }

            return;
        }

        (Rules, Firing) = await Settings.GetRulesAsync(name, ct);
        AlertEvents = await Settings.ListAlertEventsAsync(name, MaxAlertEvents, ct);
    }

    private async Task LoadTriggersAsync(string? deployment, CancellationToken ct)
    {
        Triggers = TriggerFires.Watching(await AppliedPipelines.ListAppliedAsync(ct), deployment);
        var runs = new List<PipelineRunInfo>();
        foreach (var pipeline in Triggers.Select(t => t.Pipeline).Distinct(StringComparer.Ordinal).Take(MaxTriggerPipelines))
        {
            runs.AddRange(await Pipelines.ListRunsAsync(pipeline, RunsPerPipeline, ct));
        }

        Fires = TriggerFires.Fires(runs, deployment);
    }


    private bool IsFiring(string rule) => Firing.Any(f => f.Rule == rule);
}
