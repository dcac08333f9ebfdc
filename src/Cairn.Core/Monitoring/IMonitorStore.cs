namespace Cairn.Core.Monitoring;

/// <summary>Monitoring reports (the metadata store). Triggers read the latest report of a deployment.</summary>
public interface IMonitorStore
{
    /// <summary>Stores a report and returns it with its id.</summary>
    Task<MonitorReport> AddReportAsync(MonitorReport report, CancellationToken cancellationToken);

    Task<MonitorReport?> GetReportAsync(long id, CancellationToken cancellationToken);

    /// <summary>The newest reports of a deployment, newest first; <paramref name="after"/> (an id) returns only newer ones.</summary>
    Task<IReadOnlyList<MonitorReport>> ListReportsAsync(string deployment, int maxResults, long? after, CancellationToken cancellationToken);

    /// <summary>
    /// The newest reports of every deployment (or of <paramref name="deployment"/>), newest first;
    /// <paramref name="before"/> (an id) pages to older ones. The web UI's monitoring overview reads it.
    /// </summary>
    Task<IReadOnlyList<MonitorReport>> ListRecentReportsAsync(string? deployment, int maxResults, long? before, CancellationToken cancellationToken);
}
