using System.Globalization;
using Cairn.Contracts.Native.Monitoring;
using Cairn.Core.Errors;
using Cairn.Core.Monitoring;
using Cairn.Monitoring.Monitors;

namespace Cairn.Server.Monitoring;

/// <summary>Wire ↔ domain records of the monitoring API.</summary>
internal static class MonitoringMapping
{
    /// <summary>The run request: <c>window_seconds</c> becomes <c>from</c> = now − window; values are checked here, naming the field.</summary>
    public static MonitorRequest ToRequest(string deployment, RunMonitorRequest body, long now)
    {
        if (body.Variant is { Length: 0 })
        {
            throw Invalid("variant", "", "it must be a variant name");
        }

        if (body.Last is { } last && last is < 1 or > MonitorService.MaxLast)
        {
            throw Invalid("last", last, $"it must be from 1 to {MonitorService.MaxLast}");
        }

        if (body.From is < 0)
        {
            throw Invalid("from", body.From, "it must be a UTC time in milliseconds (>= 0)");
        }

        if (body.To is < 0)
        {
            throw Invalid("to", body.To, "it must be a UTC time in milliseconds (>= 0)");
        }

        if (body.From is { } f && body.To is { } t && t <= f)
        {
            throw Invalid("to", t, $"it must be after 'from' ({f})");
        }

        var from = body.From;
        var to = body.To;
        if (body.WindowSeconds is { } window)
        {
            if (!(window > 0 && window <= TimeSpan.FromDays(3660).TotalSeconds))
            {
                throw Invalid("window_seconds", window, "it must be a positive number of seconds");
            }

            if (body.From is not null)
            {
                throw CairnException.InvalidParameter("Give either 'from' or 'window_seconds', not both.");
            }

            // The window ends now as the server sees it, fixed here so the report's window is exactly window_seconds long.
            to ??= now;
            from = to - (long)(window * 1000);
        }

        return new MonitorRequest(deployment, body.Variant, body.Last, from, to);
    }

    public static MonitorReportDto ToDto(MonitorReport r) => new(
        r.Id, r.Deployment, r.Variant, r.Model, r.Version, r.CreatedAt, r.WindowStart, r.WindowEnd, r.Rows,
        r.FeatureDrift is { } f ? ToDto(f) : null,
        r.PredictionDrift is { } p ? ToDto(p) : null,
        r.Performance is { } perf ? ToDto(perf) : null,
        r.Health is { } h ? new ServiceHealthDto(h.Requests, h.Errors, h.ErrorRate, h.P50Ms, h.P99Ms) : null,
        [.. r.FiringAlerts]);

    public static DatasetDriftDto ToDto(DatasetDrift d) => new([.. d.Columns.Select(ToDto)], d.DriftedColumns, d.Share, d.DriftShare, d.Drifted);

    public static ColumnDriftDto ToDto(ColumnDrift c) => new(
        c.Column, c.Type, c.Method, c.Score, c.Statistic, c.Threshold, c.IsPValue, c.Drifted, c.ReferenceCount, c.CurrentCount,
        c.ReferenceMean, c.ReferenceStd, c.CurrentMean,
        c.BinEdges is { } edges ? [.. edges] : null,
        c.Categories is { } categories ? [.. categories] : null,
        [.. c.ReferenceCounts], [.. c.CurrentCounts], c.Skipped);

    public static PerformanceSummaryDto ToDto(PerformanceSummary p) => new(
        p.Task, p.Labelled, new Dictionary<string, double>(p.Metrics),
        [.. p.OverTime.Select(o => new PerformancePointDto(o.Start, o.End, o.Labelled, new Dictionary<string, double>(o.Metrics)))]);

    public static MonitorConfigDto ToDto(MonitorConfig c, long? nextRunAt) => new(
        c.IntervalSeconds, c.Last, c.WindowSeconds, c.Variant,
        new DriftOptionsDto(
            c.Drift.Method, c.Drift.Threshold, c.Drift.NumericMethod, c.Drift.NumericThreshold, c.Drift.CategoricalMethod, c.Drift.CategoricalThreshold,
            c.Drift.PerColumn.Count > 0 ? c.Drift.PerColumn.ToDictionary(kv => kv.Key, kv => new ColumnDriftOverrideDto(kv.Value.Method, kv.Value.Threshold)) : null,
            c.Drift.DriftShare),
        c.LastRunAt, nextRunAt);

    public static MonitorConfig ToConfig(string deployment, MonitorConfigDto dto)
    {
        if (dto.LastRunAt is not null || dto.NextRunAt is not null)
        {
            throw CairnException.InvalidParameter("'last_run_at' and 'next_run_at' are read-only: leave them out of a monitor config.");
        }

        var d = dto.Drift;
        return new MonitorConfig
        {
            Deployment = deployment,
            IntervalSeconds = dto.IntervalSeconds,
            Last = dto.Last,
            WindowSeconds = dto.WindowSeconds,
            Variant = dto.Variant,
            Drift = d is null ? new DriftSettings() : new DriftSettings
            {
                Method = d.Method, Threshold = d.Threshold, NumericMethod = d.NumericMethod, NumericThreshold = d.NumericThreshold,
                CategoricalMethod = d.CategoricalMethod, CategoricalThreshold = d.CategoricalThreshold, DriftShare = d.DriftShare,
                PerColumn = d.PerColumn?.ToDictionary(kv => kv.Key, kv => kv.Value is null ? null! : new ColumnDriftSetting(kv.Value.Method, kv.Value.Threshold))
                    ?? new Dictionary<string, ColumnDriftSetting>(),
            },
        };
    }

    public static IReadOnlyList<AlertRule> ToRules(AlertRulesDto dto)
    {
        var rules = dto.Rules ?? throw CairnException.MissingParameter("rules");
        return rules.Select((r, i) => r is null
            ? throw Invalid($"rules[{i}]", "null", "a rule must be an object")
            : r.Firing is not null || r.Since is not null
            ? throw CairnException.InvalidParameter($"'rules[{i}].firing' and 'rules[{i}].since' are read-only: leave them out.")
            : new AlertRule(
                r.Name ?? throw CairnException.MissingParameter($"rules[{i}].name"),
                r.Metric ?? throw CairnException.MissingParameter($"rules[{i}].metric"),
                r.Op ?? throw CairnException.MissingParameter($"rules[{i}].op"),
                r.Threshold ?? throw CairnException.MissingParameter($"rules[{i}].threshold"))).ToList();
    }

    public static AlertRulesDto ToDto(IReadOnlyList<AlertRule> rules, IReadOnlyList<AlertState> firing) => new(
        [.. rules.Select(r =>
        {
            var since = firing.Where(f => f.Rule == r.Name).Select(f => (long?)f.Since).Min();
            return new AlertRuleDto(r.Name, r.Metric, r.Op, r.Threshold, since is not null, since);
        })]);

    public static AlertEventDto ToDto(AlertEvent e) =>
        new(e.Id, e.Deployment, e.Variant, e.Rule, e.Metric, e.Op, e.Threshold, e.State, e.Value, e.Timestamp, e.ReportId);

    private static CairnException Invalid(string field, object? value, string rule) =>
        CairnException.InvalidParameter(string.Create(CultureInfo.InvariantCulture, $"Invalid value '{value}' for parameter '{field}': {rule}."));
}
