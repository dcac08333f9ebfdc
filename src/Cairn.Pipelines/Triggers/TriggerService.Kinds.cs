using Cairn.Core.Datasets;
using Cairn.Core.Errors;
using Cairn.Core.Monitoring;
using Cairn.Core.Pipelines;
using Cairn.Pipelines.Spec;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Pipelines.Triggers;

/// <summary>
/// The outcome of evaluating one trigger: its state with its memory advanced, and the reason to fire
/// when its condition holds. <see cref="KeepWhenBlocked"/>: a fire that is held back keeps the old memory.
/// </summary>
internal sealed record TriggerOutcome(TriggerState State, string? Fire, bool KeepWhenBlocked = false);

public sealed partial class TriggerService
{
    private const int ReportsPerPass = 100;

    private Task<TriggerOutcome> EvaluateOneAsync(TriggerSpec spec, TriggerState state, DateTimeOffset now, CancellationToken cancellationToken) => spec switch
    {
        CronTriggerSpec cron => Task.FromResult(EvaluateCron(cron, state, now)),
        DataTriggerSpec data => EvaluateDataAsync(data, state, cancellationToken),
        DriftTriggerSpec drift => EvaluateReportsAsync(drift.Deployment, drift.Variant, drift.Reports, state, r => MonitorConditions.Drift(drift, r), cancellationToken),
        PerformanceTriggerSpec perf => EvaluateReportsAsync(perf.Deployment, perf.Variant, perf.Reports, state, r => MonitorConditions.Performance(perf, r), cancellationToken),
        _ => throw new InvalidOperationException($"unknown trigger kind {spec.Kind}"),
    };

    /// <summary>Fires once when a scheduled time passed since the last pass (once, however many were missed while stopped).</summary>
    private static TriggerOutcome EvaluateCron(CronTriggerSpec cron, TriggerState state, DateTimeOffset now)
    {
        var next = state with { Cursor = now.ToUnixTimeMilliseconds() };
        if (state.Cursor is not { } cursor)
        {
            var first = cron.Cron.GetNextOccurrence(now, TimeZoneInfo.Utc);
            return new TriggerOutcome(next with { LastReason = first is { } f ? $"scheduled; first at {Iso(f.ToUnixTimeMilliseconds())}" : "the expression has no future time" }, null);
        }

        var due = cron.Cron.GetNextOccurrence(DateTimeOffset.FromUnixTimeMilliseconds(cursor), TimeZoneInfo.Utc);
        return due is { } at && at <= now
            ? new TriggerOutcome(next, $"cron: \"{cron.Expression}\" at {Iso(at.ToUnixTimeMilliseconds())}")
            : new TriggerOutcome(next, null);
    }

    /// <summary>Fires when the dataset's latest version differs from the one seen; the first evaluation only records it.</summary>
    private async Task<TriggerOutcome> EvaluateDataAsync(DataTriggerSpec data, TriggerState state, CancellationToken cancellationToken)
    {
        if (_services.GetService<IDatasetStore>() is not { } datasets)
        {
            return new TriggerOutcome(state with { LastReason = "this server has no dataset store" }, null);
        }

        DatasetVersion? latest;
        try
        {
            latest = await datasets.GetVersionAsync(data.Dataset, "latest", includeProfile: false, cancellationToken);
        }
        catch (CairnException e) when (e.Code == ErrorCode.ResourceDoesNotExist)
        {
            latest = null;
        }

        var seen = latest?.Version;
        var next = state with { LastDatasetVersion = seen };
        if (state.LastEvaluated is null)
        {
            return new TriggerOutcome(next with { LastReason = seen is null ? $"watching dataset {data.Dataset} (no version yet)" : $"watching dataset {data.Dataset} (current version {Short(seen)})" }, null);
        }

        if (seen is null || seen == state.LastDatasetVersion)
        {
            return new TriggerOutcome(next, null);
        }

        var was = state.LastDatasetVersion is { } old ? $", was {Short(old)}" : "";
        return new TriggerOutcome(next, $"data: dataset {data.Dataset} new version {Short(seen)} ({latest!.RowCount} rows{was})", KeepWhenBlocked: true);
    }

    /// <summary>
    /// Reads the reports newer than the last one seen (each report is considered once), oldest first:
    /// a report where the condition holds extends the streak, one where it fails resets it, one without
    /// the data (no labels, no drift result) leaves it. Fires when the newest counted report holds and the
    /// streak reached <paramref name="needed"/>.
    /// </summary>
    private async Task<TriggerOutcome> EvaluateReportsAsync(
        string deployment, string? variant, int needed, TriggerState state, Func<MonitorReport, MonitorCheck> condition, CancellationToken cancellationToken)
    {
        if (_services.GetService<IMonitorStore>() is not { } monitor)
        {
            return new TriggerOutcome(state with { LastReason = "this server has no monitor store" }, null);
        }

        var reports = await monitor.ListReportsAsync(deployment, ReportsPerPass, state.LastReportId, cancellationToken);
        if (reports.Count == 0)
        {
            return new TriggerOutcome(state.LastReportId is null ? state with { LastReason = $"no monitor report of deployment {deployment} yet" } : state, null);
        }

        var streak = state.Streak;
        var lastReason = state.LastReason;
        MonitorCheck? last = null;
        MonitorReport? lastReport = null;
        foreach (var report in reports.Where(r => variant is null || r.Variant == variant).OrderBy(r => r.Id))
        {
            var check = condition(report);
            if (check.Holds is null)
            {
                lastReason = $"report {report.Id}: {check.Detail}";
                continue;
            }

            streak = check.Holds.Value ? streak + 1 : 0;
            last = check;
            lastReport = report;
            lastReason = check.Holds.Value
                ? $"report {report.Id}: {check.Detail} ({Math.Min(streak, needed)} of {needed} consecutive reports)"
                : $"report {report.Id}: {check.Detail}";
        }

        var next = state with { LastReportId = reports.Max(r => r.Id), Streak = streak, LastReason = lastReason };
        if (last is not { Holds: true } || streak < needed)
        {
            return new TriggerOutcome(next, null);
        }

        var debounce = needed > 1 ? $", {needed} consecutive reports" : "";
        return new TriggerOutcome(next, $"{last.Kind}: deployment {deployment} report {lastReport!.Id}, {last.Detail}{debounce}");
    }

    private static string Short(string version) => version.Length > 12 ? version[..12] : version;
}
