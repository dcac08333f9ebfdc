using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Cairn.Contracts.Native.Monitoring;

namespace Cairn.Client;

public sealed partial class CairnClient
{
    private static MonitoringJsonContext MonitoringJson => MonitoringJsonContext.Default;

    // Answers are read leniently so a newer server's extra fields do not break this client.
    private static readonly JsonSerializerOptions MonitoringReadOptions =
        new(MonitoringJsonContext.Default.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    private static JsonTypeInfo<T> MonitoringRead<T>() => (JsonTypeInfo<T>)MonitoringReadOptions.GetTypeInfo(typeof(T));

    /// <summary>
    /// Runs the monitor on a deployment now: feature and prediction drift against each variant's training
    /// profile, live performance from feedback, service health, and alert rules. The report is stored.
    /// </summary>
    /// <param name="deployment">The deployment's name.</param>
    /// <param name="request">The variant and window (<c>last</c> N predictions, <c>from</c>/<c>to</c> UTC ms or <c>window_seconds</c>); null uses the deployment's monitor config.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One report per variant analysed (one when a variant is given).</returns>
    /// <exception cref="CairnApiException">RESOURCE_DOES_NOT_EXIST for an unknown deployment or variant; INVALID_PARAMETER_VALUE for a bad window.</exception>
    public async Task<IReadOnlyList<MonitorReportDto>> RunMonitorAsync(string deployment, RunMonitorRequest? request = null, CancellationToken cancellationToken = default)
    {
        var response = await SendNativeAsync(HttpMethod.Post, DeploymentRoute(deployment, "/monitor"), request ?? new RunMonitorRequest(), MonitoringJson.RunMonitorRequest,
            MonitoringRead<MonitorReportResponse>(), canRetry: false, cancellationToken);
        return response.Reports is { Count: > 0 } all ? all : [response.Report];
    }

    /// <summary>A deployment's stored monitor reports, newest first.</summary>
    /// <param name="deployment">The deployment's name.</param>
    /// <param name="maxResults">At most this many (1-1000).</param>
    /// <param name="after">Only reports with a larger id than this.</param>
    /// <param name="variant">Only this variant's reports.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IReadOnlyList<MonitorReportDto>> ListMonitorReportsAsync(
        string deployment, int maxResults = 100, long? after = null, string? variant = null, CancellationToken cancellationToken = default)
    {
        var query = $"/monitor/reports?max_results={maxResults.ToString(CultureInfo.InvariantCulture)}";
        query += after is { } a ? $"&after={a.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
        query += variant is null ? string.Empty : $"&variant={Uri.EscapeDataString(variant)}";
        return (await GetNativeAsync(DeploymentRoute(deployment, query), MonitoringRead<ListMonitorReportsResponse>(), cancellationToken)).Reports;
    }

    /// <summary>One stored monitor report.</summary>
    /// <param name="id">The report's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="CairnApiException">RESOURCE_DOES_NOT_EXIST (404) for an unknown id.</exception>
    public async Task<MonitorReportDto> GetMonitorReportAsync(long id, CancellationToken cancellationToken = default) =>
        (await GetNativeAsync(MonitorReportRoute(id), MonitoringRead<MonitorReportResponse>(), cancellationToken)).Report;

    /// <summary>A stored monitor report as one self-contained HTML page (inline CSS and SVG), ready to save to a file.</summary>
    /// <param name="id">The report's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="CairnApiException">RESOURCE_DOES_NOT_EXIST (404) for an unknown id.</exception>
    public async Task<string> GetMonitorReportHtmlAsync(long id, CancellationToken cancellationToken = default)
    {
        var uri = Resolve(MonitorReportRoute(id) + "/html");
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), HttpCompletionOption.ResponseContentRead, canRetry: true, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>A deployment's monitor config: schedule, window, variant and drift overrides, with its last and next run.</summary>
    /// <param name="deployment">The deployment's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<MonitorConfigDto> GetMonitorConfigAsync(string deployment, CancellationToken cancellationToken = default) =>
        (await GetNativeAsync(DeploymentRoute(deployment, "/monitor/config"), MonitoringRead<MonitorConfigResponse>(), cancellationToken)).Config;

    /// <summary>Replaces a deployment's monitor config (fields left null take the defaults).</summary>
    /// <param name="deployment">The deployment's name.</param>
    /// <param name="config">The new config; <c>last</c> and <c>window_seconds</c> are exclusive.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="CairnApiException">INVALID_PARAMETER_VALUE naming the field and the rule.</exception>
    public async Task<MonitorConfigDto> SetMonitorConfigAsync(string deployment, MonitorConfigDto config, CancellationToken cancellationToken = default) =>
        (await SendNativeAsync(HttpMethod.Put, DeploymentRoute(deployment, "/monitor/config"), config, MonitoringJson.MonitorConfigDto,
            MonitoringRead<MonitorConfigResponse>(), canRetry: true, cancellationToken)).Config;

    /// <summary>A deployment's alert rules, each with whether it is firing and since when.</summary>
    /// <param name="deployment">The deployment's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IReadOnlyList<AlertRuleDto>> GetAlertRulesAsync(string deployment, CancellationToken cancellationToken = default) =>
        (await GetNativeAsync(DeploymentRoute(deployment, "/alert-rules"), MonitoringRead<AlertRulesDto>(), cancellationToken)).Rules ?? [];

    /// <summary>Replaces a deployment's whole alert rule set (an empty list removes every rule).</summary>
    /// <param name="deployment">The deployment's name.</param>
    /// <param name="rules">Each a name, a metric (drift_share, dataset_drift, feature_drift:&lt;col&gt;, prediction_drift, accuracy, macro_f1, auc, rmse, mae, error_rate, p99_ms), an op (&lt;, &lt;=, &gt;, &gt;=) and a threshold.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stored rules.</returns>
    public async Task<IReadOnlyList<AlertRuleDto>> SetAlertRulesAsync(string deployment, IEnumerable<AlertRuleDto> rules, CancellationToken cancellationToken = default) =>
        (await SendNativeAsync(HttpMethod.Put, DeploymentRoute(deployment, "/alert-rules"), new AlertRulesDto([.. rules]), MonitoringJson.AlertRulesDto,
            MonitoringRead<AlertRulesDto>(), canRetry: true, cancellationToken)).Rules ?? [];

    /// <summary>A deployment's alert events (fired and resolved), newest first.</summary>
    /// <param name="deployment">The deployment's name.</param>
    /// <param name="maxResults">At most this many (1-1000).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IReadOnlyList<AlertEventDto>> ListAlertsAsync(string deployment, int maxResults = 100, CancellationToken cancellationToken = default) =>
        (await GetNativeAsync(DeploymentRoute(deployment, $"/alerts?max_results={maxResults.ToString(CultureInfo.InvariantCulture)}"),
            MonitoringRead<ListAlertEventsResponse>(), cancellationToken)).Alerts;

    private static string MonitorReportRoute(long id) => $"api/v1/monitor/reports/{id.ToString(CultureInfo.InvariantCulture)}";
}
