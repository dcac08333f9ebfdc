using System.Globalization;
using Cairn.Core.Errors;
using Cairn.Core.Monitoring;
using Cairn.Serving.Deployments;

namespace Cairn.Monitoring.Monitors;

/// <summary>
/// A deployment's monitor config and alert rules (validated before they are stored) and its alert events.
/// Unknown deployments are 404 RESOURCE_DOES_NOT_EXIST; bad values are 400 naming the field.
/// </summary>
public sealed class MonitorSettingsService(IMonitorConfigStore store, DeploymentService deployments, TimeProvider time)
{
    /// <summary>The shortest schedule interval (a monitor reads the log and computes drift; more often is waste).</summary>
    public const double MinIntervalSeconds = 1;

    public const int MaxRules = 100;

    public static IReadOnlyList<string> DriftMethods { get; } = ["ks", "chisquare", "z", "wasserstein", "jensenshannon", "psi"];

    public async Task RequireDeploymentAsync(string name, CancellationToken cancellationToken) =>
        _ = await deployments.GetAsync(name, cancellationToken);

    /// <summary>The stored config, or the default (not scheduled, last 1000) when there is none.</summary>
    public async Task<MonitorConfig> GetConfigAsync(string deployment, CancellationToken cancellationToken)
    {
        await RequireDeploymentAsync(deployment, cancellationToken);
        return await store.GetConfigAsync(deployment, cancellationToken) ?? new MonitorConfig { Deployment = deployment };
    }

    public async Task<MonitorConfig> PutConfigAsync(MonitorConfig config, CancellationToken cancellationToken)
    {
        Validate(config);
        await RequireDeploymentAsync(config.Deployment, cancellationToken);
        return await store.PutConfigAsync(config with { UpdatedAt = time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken);
    }

    /// <summary>When the scheduler runs the config next (UTC ms), null when it is not scheduled.</summary>
    public long? NextRunAt(MonitorConfig config) =>
        config.IntervalSeconds is { } interval ? (config.LastRunAt ?? config.UpdatedAt) + (long)(interval * 1000) : null;

    public async Task<(IReadOnlyList<AlertRule> Rules, IReadOnlyList<AlertState> Firing)> GetRulesAsync(string deployment, CancellationToken cancellationToken)
    {
        await RequireDeploymentAsync(deployment, cancellationToken);
        var rules = await store.GetRulesAsync(deployment, cancellationToken);
        var firing = await store.GetFiringAsync(deployment, cancellationToken);
        return (rules, firing);
    }

    public async Task<IReadOnlyList<AlertRule>> PutRulesAsync(string deployment, IReadOnlyList<AlertRule> rules, CancellationToken cancellationToken)
    {
        ValidateRules(rules);
        await RequireDeploymentAsync(deployment, cancellationToken);
        return await store.PutRulesAsync(deployment, rules, cancellationToken);
    }

    public async Task<IReadOnlyList<AlertEvent>> ListAlertEventsAsync(string deployment, int maxResults, CancellationToken cancellationToken)
    {
        await RequireDeploymentAsync(deployment, cancellationToken);
        return await store.ListAlertEventsAsync(deployment, maxResults, cancellationToken);
    }

    /// <summary>Every deployment's alert events, newest first (the web UI's monitoring overview).</summary>
    public Task<IReadOnlyList<AlertEvent>> ListAllAlertEventsAsync(int maxResults, CancellationToken cancellationToken) =>
        store.ListAlertEventsAsync(null, maxResults, cancellationToken);

    public static void Validate(MonitorConfig config)
    {
        if (config.IntervalSeconds is { } interval && !(interval >= MinIntervalSeconds && interval <= TimeSpan.FromDays(366).TotalSeconds))
        {
            throw Invalid("interval_seconds", interval, $"it must be from {MinIntervalSeconds} second to 366 days");
        }

        if (config.Last is not null && config.WindowSeconds is not null)
        {
            throw CairnException.InvalidParameter("Give either 'last' or 'window_seconds' in a monitor config, not both.");
        }

        if (config.Last is { } last && last is < 1 or > MonitorService.MaxLast)
        {
            throw Invalid("last", last, $"it must be from 1 to {MonitorService.MaxLast}");
        }

        if (config.WindowSeconds is { } window && !(window > 0 && window <= TimeSpan.FromDays(3660).TotalSeconds))
        {
            throw Invalid("window_seconds", window, "it must be a positive number of seconds");
        }

        if (config.Variant is { Length: 0 })
        {
            throw Invalid("variant", "", "it must be a variant name");
        }

        ValidateDrift(config.Drift);
    }

    public static void ValidateDrift(DriftSettings drift)
    {
        Method(drift.Method, "drift.method");
        Method(drift.NumericMethod, "drift.numeric_method");
        Method(drift.CategoricalMethod, "drift.categorical_method");
        Threshold(drift.Threshold, "drift.threshold");
        Threshold(drift.NumericThreshold, "drift.numeric_threshold");
        Threshold(drift.CategoricalThreshold, "drift.categorical_threshold");
        foreach (var (column, setting) in drift.PerColumn)
        {
            if (setting is null)
            {
                throw Invalid($"drift.per_column.{column}", "null", "it must be an object with 'method' and/or 'threshold'");
            }

            Method(setting.Method, $"drift.per_column.{column}.method");
            Threshold(setting.Threshold, $"drift.per_column.{column}.threshold");
        }

        if (drift.DriftShare is { } share && !(share > 0 && share <= 1))
        {
            throw Invalid("drift.drift_share", share, "it must be in (0, 1]");
        }
    }

    public static void ValidateRules(IReadOnlyList<AlertRule> rules)
    {
        if (rules.Count > MaxRules)
        {
            throw CairnException.InvalidParameter($"Invalid value for parameter 'rules': at most {MaxRules} alert rules per deployment, got {rules.Count}.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (string.IsNullOrWhiteSpace(rule.Name) || rule.Name.Length > 200)
            {
                throw Invalid($"rules[{i}].name", rule.Name, "it must be a non-empty name of at most 200 characters");
            }

            if (!names.Add(rule.Name))
            {
                throw Invalid($"rules[{i}].name", rule.Name, "rule names must be unique");
            }

            if (!AlertMetrics.IsValid(rule.Metric))
            {
                throw Invalid($"rules[{i}].metric", rule.Metric, $"it must be one of {string.Join(", ", AlertMetrics.Names)} or feature_drift:<column>");
            }

            if (!AlertMetrics.Ops.Contains(rule.Op, StringComparer.Ordinal))
            {
                throw Invalid($"rules[{i}].op", rule.Op, "it must be one of <, <=, >, >=");
            }

            if (!double.IsFinite(rule.Threshold))
            {
                throw Invalid($"rules[{i}].threshold", rule.Threshold, "it must be a finite number");
            }
        }
    }

    private static void Method(string? method, string field)
    {
        if (method is not null && !DriftMethods.Contains(method, StringComparer.Ordinal))
        {
            throw Invalid(field, method, $"it must be one of {string.Join(", ", DriftMethods)}");
        }
    }

    private static void Threshold(double? threshold, string field)
    {
        if (threshold is { } t && !(t > 0 && double.IsFinite(t)))
        {
            throw Invalid(field, t, "it must be a positive number");
        }
    }

    private static CairnException Invalid(string field, object? value, string rule) =>
        CairnException.InvalidParameter(string.Create(CultureInfo.InvariantCulture, $"Invalid value '{value}' for parameter '{field}': {rule}."));
}
