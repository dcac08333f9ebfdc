using System.Text.Json;
using Cairn.Core.Monitoring;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Monitoring;

/// <summary>Monitor reports on EF Core: the report as JSON plus the columns that lists filter and sort on.</summary>
public sealed class EfMonitorStore(IMetadataContextFactory factory) : IMonitorStore
{
    private readonly IMetadataContextFactory _factory = factory;

    public async Task<MonitorReport> AddReportAsync(MonitorReport report, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var row = new MonitorReportEntity
        {
            Deployment = report.Deployment,
            Variant = report.Variant,
            Model = report.Model,
            Version = report.Version,
            CreatedAt = report.CreatedAt,
            Rows = report.Rows,
            BodyJson = JsonSerializer.Serialize(report with { Id = 0 }, MonitoringStorageJsonContext.Default.MonitorReport),
        };
        db.MonitorReports.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return report with { Id = row.Id };
    }

    public async Task<MonitorReport?> GetReportAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var row = await db.MonitorReports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return row is null ? null : ToDomain(row);
    }

    public async Task<IReadOnlyList<MonitorReport>> ListReportsAsync(string deployment, int maxResults, long? after, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxResults);
        await using var db = _factory.Create();
        var query = db.MonitorReports.Where(r => r.Deployment == deployment);
        if (after is { } a)
        {
            query = query.Where(r => r.Id > a);
        }

        var rows = await query.OrderByDescending(r => r.Id).Take(maxResults).ToListAsync(cancellationToken);
        return rows.Select(ToDomain).ToList();
    }

    public async Task<IReadOnlyList<MonitorReport>> ListRecentReportsAsync(string? deployment, int maxResults, long? before, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxResults);
        await using var db = _factory.Create();
        var query = deployment is null ? db.MonitorReports : db.MonitorReports.Where(r => r.Deployment == deployment);
        if (before is { } b)
        {
            query = query.Where(r => r.Id < b);
        }

        var rows = await query.OrderByDescending(r => r.Id).Take(maxResults).ToListAsync(cancellationToken);
        return rows.Select(ToDomain).ToList();
    }

    private static MonitorReport ToDomain(MonitorReportEntity row) =>
        JsonSerializer.Deserialize(row.BodyJson, MonitoringStorageJsonContext.Default.MonitorReport)! with { Id = row.Id };
}
