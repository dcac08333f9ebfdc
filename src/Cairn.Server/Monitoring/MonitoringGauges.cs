using Cairn.Core.Monitoring;
using Cairn.Core.Serving;
using Cairn.Serving.Metrics;

namespace Cairn.Server.Monitoring;

/// <summary>
/// Drift and live-performance gauges on <c>/metrics</c>, from the latest stored monitor report of each
/// deployment variant. Scrapes read a cached snapshot refreshed at most every <see cref="RefreshInterval"/>,
/// so a scraper never costs more than one query per deployment every few seconds. Nothing is written
/// while the monitor store is not registered.
/// </summary>
public sealed partial class MonitoringGauges(IServiceScopeFactory scopes, TimeProvider time, ILogger<MonitoringGauges> logger) : IDisposable
{
    /// <summary>How old the cached reports may be before a scrape reloads them.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    /// <summary>Recent reports read per deployment to find the newest one of each variant.</summary>
    internal const int ReportsPerDeployment = 50;

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private IReadOnlyList<MonitorReport> _latest = [];
    private long _loadedAt = long.MinValue;

    /// <summary>Appends the gauge families (only those with samples) to <paramref name="writer"/>.</summary>
    public async Task WriteToAsync(PrometheusTextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Write(writer, await LatestAsync(cancellationToken));
    }

    /// <summary>The newest report of every variant of every deployment, from the cache when it is fresh.</summary>
    internal async Task<IReadOnlyList<MonitorReport>> LatestAsync(CancellationToken cancellationToken)
    {
        if (!IsStale())
        {
            return Volatile.Read(ref _latest);
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Another scrape may have refreshed while this one waited.
            if (IsStale())
            {
                Volatile.Write(ref _latest, await LoadAsync(cancellationToken));
                Volatile.Write(ref _loadedAt, time.GetTimestamp());
            }
        }
        finally
        {
            _refresh.Release();
        }

        return Volatile.Read(ref _latest);
    }

    private bool IsStale()
    {
        var loadedAt = Volatile.Read(ref _loadedAt);
        return loadedAt == long.MinValue || time.GetElapsedTime(loadedAt) >= RefreshInterval;
    }

    private async Task<IReadOnlyList<MonitorReport>> LoadAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var store = scope.ServiceProvider.GetService<IMonitorStore>();
        var deployments = scope.ServiceProvider.GetService<IDeploymentStore>();
        if (store is null || deployments is null)
        {
            return [];
        }

        try
        {
            var latest = new List<MonitorReport>();
            foreach (var deployment in await deployments.ListAsync(cancellationToken))
            {
                var reports = await store.ListReportsAsync(deployment.Name, ReportsPerDeployment, null, cancellationToken);
                // Newest first: the first report of each variant is its latest.
                latest.AddRange(reports.GroupBy(r => r.Variant, StringComparer.Ordinal).Select(g => g.MaxBy(r => r.CreatedAt)!));
            }

            return [.. latest.OrderBy(r => r.Deployment, StringComparer.Ordinal).ThenBy(r => r.Variant, StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A metrics scrape must not fail because the metadata store is briefly unavailable: keep the last values.
            LogLoadFailed(logger, e);
            return Volatile.Read(ref _latest);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not load the latest monitor reports for the drift gauges; serving the previous values")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception);

    public void Dispose() => _refresh.Dispose();
}
