using Cairn.Core.Monitoring;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Monitoring;

/// <summary>Alert rules, firing states and alert events.</summary>
public sealed partial class EfMonitorConfigStore
{
    public async Task<IReadOnlyList<AlertRule>> GetRulesAsync(string deployment, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        return await ReadRulesAsync(db, deployment, cancellationToken);
    }

    public async Task<IReadOnlyList<AlertRule>> PutRulesAsync(string deployment, IReadOnlyList<AlertRule> rules, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.MonitorAlertRules.Where(r => r.Deployment == deployment).ExecuteDeleteAsync(cancellationToken);
        var names = rules.Select(r => r.Name).ToList();
        // A removed rule stops firing silently; a kept rule keeps its state (changing its threshold re-evaluates on the next report).
        await db.MonitorAlertStates.Where(s => s.Deployment == deployment && !names.Contains(s.Rule)).ExecuteDeleteAsync(cancellationToken);
        db.MonitorAlertRules.AddRange(rules.Select((r, i) => new MonitorAlertRuleEntity
        {
            Deployment = deployment, Name = r.Name, Position = i, Metric = r.Metric, Op = r.Op, Threshold = r.Threshold,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return await ReadRulesAsync(db, deployment, cancellationToken);
    }

    public async Task<IReadOnlyList<AlertState>> GetFiringAsync(string deployment, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var rows = await db.MonitorAlertStates.Where(s => s.Deployment == deployment)
            .OrderBy(s => s.Rule).ThenBy(s => s.Variant).ToListAsync(cancellationToken);
        return rows.Select(s => new AlertState(s.Rule, s.Variant, s.Since, s.ReportId, s.Value)).ToList();
    }

    public async Task<IReadOnlyList<AlertEvent>> RecordAlertEventsAsync(IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return [];
        }

        await using var db = _factory.Create();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = new List<MonitorAlertEventEntity>(events.Count);
        foreach (var e in events)
        {
            var row = new MonitorAlertEventEntity
            {
                Deployment = e.Deployment, Variant = e.Variant, Rule = e.Rule, Metric = e.Metric, Op = e.Op, Threshold = e.Threshold,
                State = e.State, Value = e.Value, Timestamp = e.Timestamp, ReportId = e.ReportId,
            };
            rows.Add(row);
            db.MonitorAlertEvents.Add(row);
            await db.MonitorAlertStates.Where(s => s.Deployment == e.Deployment && s.Rule == e.Rule && s.Variant == e.Variant).ExecuteDeleteAsync(cancellationToken);
            if (e.State == AlertEventStates.Fired)
            {
                db.MonitorAlertStates.Add(new MonitorAlertStateEntity
                {
                    Deployment = e.Deployment, Rule = e.Rule, Variant = e.Variant, Since = e.Timestamp, ReportId = e.ReportId, Value = e.Value,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return events.Select((e, i) => e with { Id = rows[i].Id }).ToList();
    }

    public async Task<IReadOnlyList<AlertEvent>> ListAlertEventsAsync(string? deployment, int maxResults, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxResults);
        await using var db = _factory.Create();
        var events = deployment is null ? db.MonitorAlertEvents : db.MonitorAlertEvents.Where(e => e.Deployment == deployment);
        var rows = await events
            .OrderByDescending(e => e.Id).Take(maxResults).ToListAsync(cancellationToken);
        return rows.Select(e => new AlertEvent
        {
            Id = e.Id, Deployment = e.Deployment, Variant = e.Variant, Rule = e.Rule, Metric = e.Metric, Op = e.Op, Threshold = e.Threshold,
            State = e.State, Value = e.Value, Timestamp = e.Timestamp, ReportId = e.ReportId,
        }).ToList();
    }

    private static async Task<IReadOnlyList<AlertRule>> ReadRulesAsync(MetadataContext db, string deployment, CancellationToken cancellationToken)
    {
        var rows = await db.MonitorAlertRules.Where(r => r.Deployment == deployment).OrderBy(r => r.Position).ToListAsync(cancellationToken);
        return rows.Select(r => new AlertRule(r.Name, r.Metric, r.Op, r.Threshold)).ToList();
    }
}
