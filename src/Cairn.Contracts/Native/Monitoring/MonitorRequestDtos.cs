namespace Cairn.Contracts.Native.Monitoring;

/// <summary>
/// POST /api/v1/deployments/{name}/monitor (body optional). The window is the <c>last</c> N predictions,
/// or <c>from</c>/<c>to</c> (UTC ms), or the last <c>window_seconds</c>; with none of them the deployment's
/// monitor config decides (default: the last 1000 predictions). Without <c>variant</c> every live variant
/// is analysed and the first report is returned in <c>report</c>, all of them in <c>reports</c>.
/// </summary>
public sealed record RunMonitorRequest(string? Variant = null, long? Last = null, long? From = null, long? To = null, double? WindowSeconds = null);

public sealed record MonitorReportResponse(MonitorReportDto Report, List<MonitorReportDto>? Reports = null);

/// <summary>GET /api/v1/deployments/{name}/monitor/reports?max_results=&amp;after=&amp;variant=: newest first.</summary>
public sealed record ListMonitorReportsResponse(List<MonitorReportDto> Reports);

/// <summary>Overrides of the drift defaults (Evidently's): one method/threshold for all columns, per column type, or per column.</summary>
public sealed record DriftOptionsDto(
    string? Method = null,
    double? Threshold = null,
    string? NumericMethod = null,
    double? NumericThreshold = null,
    string? CategoricalMethod = null,
    double? CategoricalThreshold = null,
    Dictionary<string, ColumnDriftOverrideDto>? PerColumn = null,
    double? DriftShare = null);

public sealed record ColumnDriftOverrideDto(string? Method = null, double? Threshold = null);

/// <summary>
/// GET/PUT /api/v1/deployments/{name}/monitor/config. <c>interval_seconds</c> schedules the monitor (null or
/// absent = not scheduled); the window is <c>last</c> predictions or <c>window_seconds</c> (not both);
/// <c>variant</c> limits it to one variant (else every live variant). <c>last_run_at</c>/<c>next_run_at</c>
/// (UTC ms) are answers only.
/// </summary>
public sealed record MonitorConfigDto(
    double? IntervalSeconds = null,
    long? Last = null,
    double? WindowSeconds = null,
    string? Variant = null,
    DriftOptionsDto? Drift = null,
    long? LastRunAt = null,
    long? NextRunAt = null);

public sealed record MonitorConfigResponse(MonitorConfigDto Config);

/// <summary>
/// An alert rule: fires when <c>metric op threshold</c> holds on a report (e.g. accuracy &lt; 0.7), resolves
/// when it stops holding. Metrics: drift_share, dataset_drift (1/0), feature_drift:&lt;col&gt; (the column's
/// score), prediction_drift (score), accuracy, macro_f1, auc, rmse, mae, error_rate, p99_ms. Ops: &lt;, &lt;=, &gt;, &gt;=.
/// <c>firing</c> and <c>since</c> are answers only.
/// </summary>
public sealed record AlertRuleDto(string? Name, string? Metric, string? Op, double? Threshold, bool? Firing = null, long? Since = null);

/// <summary>GET/PUT /api/v1/deployments/{name}/alert-rules: PUT replaces the deployment's whole rule set.</summary>
public sealed record AlertRulesDto(List<AlertRuleDto>? Rules);

/// <summary>An alert event: <c>state</c> fired or resolved, the metric's <c>value</c> and the report that caused it.</summary>
public sealed record AlertEventDto(
    long Id, string Deployment, string Variant, string Rule, string Metric, string Op, double Threshold, string State, double? Value, long Timestamp, long ReportId);

/// <summary>GET /api/v1/deployments/{name}/alerts?max_results=: newest first.</summary>
public sealed record ListAlertEventsResponse(List<AlertEventDto> Alerts);
