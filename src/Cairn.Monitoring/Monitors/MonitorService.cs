using System.Collections.Concurrent;
using System.Globalization;
using Cairn.Core.Errors;
using Cairn.Core.Monitoring;
using Cairn.Core.Serving;
using Cairn.Serving.Deployments;
using Cairn.Serving.PredictionLog;
using Microsoft.Extensions.Logging;

namespace Cairn.Monitoring.Monitors;

/// <summary>
/// Runs a monitor over a window of a deployment's prediction log: drift of the model's features and of its
/// predictions against the variant's training profile, live performance from feedback, health; evaluates
/// the deployment's alert rules and stores the report.
/// </summary>
public sealed partial class MonitorService(
    DeploymentService deployments,
    IMonitorStore reports,
    IMonitorConfigStore settings,
    IFeedbackStore feedback,
    PredictionLogReader log,
    ModelReferenceCache references,
    TimeProvider time,
    ILogger<MonitorService> logger)
{
    public const long DefaultLast = 1000;

    public const long MaxLast = 1_000_000;

    /// <summary>One run per deployment at a time (scheduled and manual), so two reports never evaluate alerts against the same firing state.</summary>
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <summary>One report: the given variant, or the deployment's main live variant (the highest weight).</summary>
    public async Task<MonitorReport> RunAsync(MonitorRequest request, CancellationToken cancellationToken)
    {
        if (request.Variant is not null)
        {
            return (await RunAllAsync(request, cancellationToken))[0];
        }

        var deployment = await deployments.GetAsync(request.Deployment, cancellationToken);
        var main = deployment.Variants.Where(v => v.Mode == VariantMode.Live).OrderByDescending(v => v.Weight).FirstOrDefault()
            ?? throw new CairnException(ErrorCode.InvalidState, $"Deployment '{deployment.Name}' has no live variant to monitor.");
        return (await RunAllAsync(request with { Variant = main.Name }, cancellationToken))[0];
    }

    /// <summary>One report per variant: the given one, else the config's variant, else every live variant (highest weight first).</summary>
    public async Task<IReadOnlyList<MonitorReport>> RunAllAsync(MonitorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var deployment = await deployments.GetAsync(request.Deployment, cancellationToken);
        var config = await settings.GetConfigAsync(deployment.Name, cancellationToken) ?? new MonitorConfig { Deployment = deployment.Name };
        var variants = SelectVariants(deployment, request.Variant ?? config.Variant, explicitVariant: request.Variant is not null);
        var window = ResolveWindow(request, config, time.GetUtcNow().ToUnixTimeMilliseconds());
        var options = DriftOptionsMapping.ToOptions(config.Drift);
        var results = new List<MonitorReport>(variants.Count);
        var gate = _gates.GetOrAdd(deployment.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Read under the gate: the rules and firing states a run evaluates are those the previous run left.
            var rules = await settings.GetRulesAsync(deployment.Name, cancellationToken);
            foreach (var variant in variants)
            {
                var report = await BuildReportAsync(deployment.Name, variant, window, options, cancellationToken);
                results.Add(await StoreWithAlertsAsync(report, rules, cancellationToken));
            }
        }
        finally
        {
            gate.Release();
        }

        return results;
    }

    private static List<DeploymentVariant> SelectVariants(Deployment deployment, string? variant, bool explicitVariant)
    {
        if (variant is not null)
        {
            var found = deployment.Variants.FirstOrDefault(v => v.Name == variant);
            if (found is not null)
            {
                return [found];
            }

            if (explicitVariant)
            {
                throw CairnException.InvalidParameter(
                    $"Invalid value '{variant}' for parameter 'variant': deployment '{deployment.Name}' has variants {string.Join(", ", deployment.Variants.Select(v => v.Name))}.");
            }

            // A config naming a variant that was since removed falls back to the live variants rather than failing every scheduled run.
        }

        var live = deployment.Variants.Where(v => v.Mode == VariantMode.Live).OrderByDescending(v => v.Weight).ToList();
        return live.Count > 0 ? live : throw new CairnException(ErrorCode.InvalidState, $"Deployment '{deployment.Name}' has no live variant to monitor.");
    }

    /// <summary>The request's window if it gives one, else the config's (last N or a time window), else the newest <see cref="DefaultLast"/>.</summary>
    internal static MonitorWindow ResolveWindow(MonitorRequest request, MonitorConfig config, long now)
    {
        if (request.Last is < 1 or > MaxLast)
        {
            throw CairnException.InvalidParameter(string.Create(CultureInfo.InvariantCulture, $"Invalid value '{request.Last}' for parameter 'last': it must be from 1 to {MaxLast}."));
        }

        if (request.From is { } f && request.To is { } t && t <= f)
        {
            throw CairnException.InvalidParameter(string.Create(CultureInfo.InvariantCulture, $"Invalid value '{t}' for parameter 'to': it must be after 'from' ({f})."));
        }

        var to = request.To ?? now;
        if (request.Last is not null || request.From is not null || request.To is not null)
        {
            return new MonitorWindow(request.From, to, request.Last);
        }

        if (config.WindowSeconds is { } seconds)
        {
            return new MonitorWindow(to - (long)(seconds * 1000), to, null);
        }

        return new MonitorWindow(null, to, config.Last ?? DefaultLast);
    }

    private async Task<MonitorReport> StoreWithAlertsAsync(MonitorReport report, IReadOnlyList<AlertRule> rules, CancellationToken cancellationToken)
    {
        if (rules.Count == 0)
        {
            return await reports.AddReportAsync(report, cancellationToken);
        }

        var firing = await settings.GetFiringAsync(report.Deployment, cancellationToken);
        var evaluation = AlertEvaluator.Evaluate(rules, firing, report);
        var stored = await reports.AddReportAsync(report with { FiringAlerts = evaluation.Firing }, cancellationToken);
        var events = evaluation.Changes.Select(e => e with { ReportId = stored.Id, Timestamp = stored.CreatedAt }).ToList();
        await settings.RecordAlertEventsAsync(events, cancellationToken);
        foreach (var e in events)
        {
            if (e.State == AlertEventStates.Fired)
            {
                logger.LogWarning("Alert {Rule} fired on deployment {Deployment} variant {Variant}: {Metric} = {Value} {Op} {Threshold} (report {ReportId})",
                    e.Rule, e.Deployment, e.Variant, e.Metric, e.Value, e.Op, e.Threshold, e.ReportId);
            }
            else
            {
                logger.LogInformation("Alert {Rule} resolved on deployment {Deployment} variant {Variant}: {Metric} = {Value} (report {ReportId})",
                    e.Rule, e.Deployment, e.Variant, e.Metric, e.Value, e.ReportId);
            }
        }

        return stored;
    }
}

/// <summary>The predictions a run reads: [From, To) in UTC ms (From null = from the beginning), the newest Last of them.</summary>
internal sealed record MonitorWindow(long? From, long To, long? Last);
