using System.Collections.Concurrent;
using Cairn.Core.Monitoring;

namespace Cairn.Pipelines.Tests.Triggers;

/// <summary>
/// A test double of Core's IMonitorStore: the real one (Cairn.Storage) belongs to the monitoring work and
/// lives on another branch; triggers only need its contract (ids ascending, newest first, <c>after</c>).
/// </summary>
public sealed class InMemoryMonitorStore : IMonitorStore
{
    private readonly ConcurrentDictionary<long, MonitorReport> _reports = new();
    private long _nextId;

    public Task<MonitorReport> AddReportAsync(MonitorReport report, CancellationToken cancellationToken)
    {
        var stored = report with { Id = Interlocked.Increment(ref _nextId) };
        _reports[stored.Id] = stored;
        return Task.FromResult(stored);
    }

    public Task<MonitorReport?> GetReportAsync(long id, CancellationToken cancellationToken) =>
        Task.FromResult(_reports.GetValueOrDefault(id));

    public Task<IReadOnlyList<MonitorReport>> ListReportsAsync(string deployment, int maxResults, long? after, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MonitorReport>>(_reports.Values
            .Where(r => r.Deployment == deployment && (after is null || r.Id > after))
            .OrderByDescending(r => r.Id).Take(maxResults).ToList());

    public Task<IReadOnlyList<MonitorReport>> ListRecentReportsAsync(string? deployment, int maxResults, long? before, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MonitorReport>>(_reports.Values
            .Where(r => (deployment is null || r.Deployment == deployment) && (before is null || r.Id < before))
            .OrderByDescending(r => r.Id).Take(maxResults).ToList());

    /// <summary>Adds a report whose feature drift has the given share (drifted at 0.5, Evidently's default).</summary>
    public Task<MonitorReport> AddDriftAsync(string deployment, double share, long now, string variant = "main") =>
        AddReportAsync(Report(deployment, now, variant) with { FeatureDrift = Drift(share) }, CancellationToken.None);

    /// <summary>Adds a report with live performance.</summary>
    public Task<MonitorReport> AddPerformanceAsync(string deployment, string metric, double value, long labelled, long now) =>
        AddReportAsync(Report(deployment, now, "main") with
        {
            Performance = new PerformanceSummary { Task = "classification", Labelled = labelled, Metrics = new Dictionary<string, double> { [metric] = value } },
        }, CancellationToken.None);

    private static MonitorReport Report(string deployment, long now, string variant) => new()
    {
        Deployment = deployment, Variant = variant, Model = "weather", Version = 1, CreatedAt = now, WindowStart = now - 60_000, WindowEnd = now, Rows = 500,
    };

    /// <summary>Four tested columns; <paramref name="share"/> of them drifted.</summary>
    private static DatasetDrift Drift(double share)
    {
        var drifted = (int)Math.Round(share * 4);
        var columns = Enumerable.Range(0, 4).Select(i => new ColumnDrift
        {
            Column = i == 0 ? "temp_max" : $"f{i}", Type = "numeric", Method = "ks", Score = i < drifted ? 0.001 : 0.4, Threshold = 0.05,
            IsPValue = true, Drifted = i < drifted,
        }).ToList();
        return new DatasetDrift { Columns = columns, DriftedColumns = drifted, Share = drifted / 4.0, DriftShare = 0.5, Drifted = drifted / 4.0 >= 0.5 };
    }
}
