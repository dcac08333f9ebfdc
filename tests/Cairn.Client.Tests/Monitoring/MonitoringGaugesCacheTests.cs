using Cairn.Core.Monitoring;
using Cairn.Core.Serving;
using Cairn.Serving.Metrics;
using Cairn.Server.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Cairn.Client.Tests.Monitoring;

/// <summary>The gauges read the store at most once per refresh interval, however often Prometheus scrapes.</summary>
public sealed class MonitoringGaugesCacheTests
{
    [Fact]
    public async Task Scrapes_WithinTheRefreshInterval_ReadTheStoreOnce()
    {
        var store = new CountingMonitorStore();
        var time = new FakeTimeProvider();
        await using var services = new ServiceCollection()
            .AddSingleton<IMonitorStore>(store)
            .AddSingleton<IDeploymentStore>(new OneDeploymentStore())
            .BuildServiceProvider();
        using var gauges = new MonitoringGauges(services.GetRequiredService<IServiceScopeFactory>(), time, NullLogger<MonitoringGauges>.Instance);

        var first = await ScrapeAsync(gauges);
        await ScrapeAsync(gauges);
        time.Advance(MonitoringGauges.RefreshInterval - TimeSpan.FromMilliseconds(1));
        await ScrapeAsync(gauges);
        Assert.Equal(1, store.Reads);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await ScrapeAsync(gauges);
        Assert.Equal(2, store.Reads);
        Assert.Contains("cairn_dataset_drift_share{deployment=\"d\",variant=\"main\",model=\"m\",version=\"2\"} 0.25\n", first, StringComparison.Ordinal);
        // Only the newest report of the variant is exported.
        Assert.DoesNotContain("version=\"1\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoMonitorStore_WritesNothing()
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        using var gauges = new MonitoringGauges(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<MonitoringGauges>.Instance);

        Assert.Equal("", await ScrapeAsync(gauges));
    }

    private static async Task<string> ScrapeAsync(MonitoringGauges gauges)
    {
        var writer = new PrometheusTextWriter();
        await gauges.WriteToAsync(writer, CancellationToken.None);
        return writer.ToString();
    }

    private sealed class CountingMonitorStore : IMonitorStore
    {
        public int Reads { get; private set; }

        public Task<MonitorReport> AddReportAsync(MonitorReport report, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<MonitorReport?> GetReportAsync(long id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<MonitorReport>> ListReportsAsync(string deployment, int maxResults, long? after, CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult<IReadOnlyList<MonitorReport>>([Report(2, 2000, 0.25), Report(1, 1000, 0.75)]);
        }

        public Task<IReadOnlyList<MonitorReport>> ListRecentReportsAsync(string? deployment, int maxResults, long? before, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        private static MonitorReport Report(long version, long at, double share) => new()
        {
            Id = version,
            Deployment = "d",
            Variant = "main",
            Model = "m",
            Version = version,
            CreatedAt = at,
            WindowStart = at - 1,
            WindowEnd = at,
            Rows = 10,
            FeatureDrift = new DatasetDrift { Columns = [], DriftedColumns = 0, Share = share, DriftShare = 0.5, Drifted = false },
        };
    }

    private sealed class OneDeploymentStore : IDeploymentStore
    {
        public Task<IReadOnlyList<Deployment>> ListAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Deployment>>([new Deployment { Name = "d", Variants = [] }]);

        public Task<Deployment> CreateAsync(Deployment deployment, DeploymentEvent created, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Deployment?> GetAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Deployment> UpdateAsync(Deployment deployment, long expectedRevision, DeploymentEvent change, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task DeleteAsync(string name, DeploymentEvent deleted, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<DeploymentEvent>> ListEventsAsync(string name, int maxResults, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
