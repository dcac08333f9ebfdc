using System.Text.Json;
using Cairn.Core.Monitoring;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Monitoring;

/// <summary>
/// Monitor configs and alert rules per deployment on EF Core. Rule sets are replaced whole in one
/// transaction; alert events and firing states change together (<see cref="RecordAlertEventsAsync"/>).
/// </summary>
public sealed partial class EfMonitorConfigStore(IMetadataContextFactory factory) : IMonitorConfigStore
{
    private readonly IMetadataContextFactory _factory = factory;

    public async Task<MonitorConfig?> GetConfigAsync(string deployment, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var row = await db.MonitorConfigs.SingleOrDefaultAsync(c => c.Deployment == deployment, cancellationToken);
        return row is null ? null : ToDomain(row);
    }

    public async Task<MonitorConfig> PutConfigAsync(MonitorConfig config, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteConfigAsync(config, cancellationToken);
            }
            catch (DbUpdateException e) when (attempt < 3 && UniqueViolation.Is(e))
            {
                // A concurrent first PUT inserted the row: the next attempt updates it.
            }
        }
    }

    public async Task<IReadOnlyList<MonitorConfig>> ListScheduledAsync(CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var rows = await db.MonitorConfigs.Where(c => c.IntervalSeconds != null).OrderBy(c => c.Deployment).ToListAsync(cancellationToken);
        return rows.Select(ToDomain).ToList();
    }

    public async Task MarkRunAsync(string deployment, long runAt, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        await db.MonitorConfigs.Where(c => c.Deployment == deployment).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastRunAt, runAt), cancellationToken);
    }

    private async Task<MonitorConfig> WriteConfigAsync(MonitorConfig config, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.MonitorConfigs.AsTracking().SingleOrDefaultAsync(c => c.Deployment == config.Deployment, cancellationToken);
        if (row is null)
        {
            row = new MonitorConfigEntity { Deployment = config.Deployment, DriftJson = "{}" };
            db.MonitorConfigs.Add(row);
        }

        row.IntervalSeconds = config.IntervalSeconds;
        row.Last = config.Last;
        row.WindowSeconds = config.WindowSeconds;
        row.Variant = config.Variant;
        row.DriftJson = JsonSerializer.Serialize(config.Drift, MonitoringStorageJsonContext.Default.DriftSettings);
        row.UpdatedAt = config.UpdatedAt;
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return ToDomain(row);
    }

    private static MonitorConfig ToDomain(MonitorConfigEntity row) => new()
    {
        Deployment = row.Deployment,
        IntervalSeconds = row.IntervalSeconds,
        Last = row.Last,
        WindowSeconds = row.WindowSeconds,
        Variant = row.Variant,
        Drift = JsonSerializer.Deserialize(row.DriftJson, MonitoringStorageJsonContext.Default.DriftSettings) ?? new DriftSettings(),
        LastRunAt = row.LastRunAt,
        UpdatedAt = row.UpdatedAt,
    };
}
