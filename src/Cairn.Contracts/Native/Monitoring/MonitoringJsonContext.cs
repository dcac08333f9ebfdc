using System.Text.Json.Serialization;

namespace Cairn.Contracts.Native.Monitoring;

/// <summary>
/// Source-generated JSON of the monitoring API (snake_case, nulls omitted). Unknown members are rejected so
/// a misspelt field is a 400 naming it; NaN scores (e.g. a metric over no rows) are written as "NaN".
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    MaxDepth = 32)]
[JsonSerializable(typeof(RunMonitorRequest))]
[JsonSerializable(typeof(MonitorReportResponse))]
[JsonSerializable(typeof(ListMonitorReportsResponse))]
[JsonSerializable(typeof(MonitorConfigDto))]
[JsonSerializable(typeof(MonitorConfigResponse))]
[JsonSerializable(typeof(AlertRulesDto))]
[JsonSerializable(typeof(ListAlertEventsResponse))]
public sealed partial class MonitoringJsonContext : JsonSerializerContext;
