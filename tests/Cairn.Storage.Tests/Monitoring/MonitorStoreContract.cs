using Cairn.Core.Monitoring;
using Cairn.Storage.Tests.Registry;

namespace Cairn.Storage.Tests.Monitoring;

/// <summary>The monitor report store's rules, run on SQLite and PostgreSQL.</summary>
public abstract class MonitorStoreContract : RegistryStoreTestBase
{
    private IMonitorStore Reports => Get<IMonitorStore>();

    private static string UniqueName() => "mon-" + Guid.NewGuid().ToString("N")[..12];

    private MonitorReport Report(string deployment, string variant = "a", long rows = 10) => new()
    {
        Deployment = deployment, Variant = variant, Model = "weather", Version = 3, CreatedAt = NowMs, WindowStart = NowMs - 60_000, WindowEnd = NowMs, Rows = rows,
        FeatureDrift = new DatasetDrift
        {
            Columns =
            [
                new ColumnDrift
                {
                    Column = "temp_max", Type = "numeric", Method = "ks", Score = 0.001, Statistic = 0.4, Threshold = 0.05, IsPValue = true, Drifted = true,
                    ReferenceCount = 1000, CurrentCount = 10, ReferenceMean = 16.4, ReferenceStd = 7.3, CurrentMean = 20.1,
                    BinEdges = [0, 10, 20, 30], ReferenceCounts = [300, 400, 300], CurrentCounts = [1, 4, 5],
                },
                new ColumnDrift
                {
                    Column = "wind", Type = "numeric", Method = "ks", Score = double.NaN, Threshold = 0.05, Drifted = false, Skipped = "no current values",
                },
            ],
            DriftedColumns = 1, Share = 1, DriftShare = 0.5, Drifted = true,
        },
        PredictionDrift = new ColumnDrift
        {
            Column = "prediction", Type = "categorical", Method = "chisquare", Score = 0.2, Threshold = 0.05, IsPValue = true, Drifted = false,
            Categories = ["rain", "sun"], ReferenceCounts = [600, 400], CurrentCounts = [5, 5],
        },
        Performance = new PerformanceSummary
        {
            Task = "classification", Labelled = 8, Metrics = new Dictionary<string, double> { ["accuracy"] = 0.75, ["macro_f1"] = 0.7 },
            OverTime = [new PerformancePoint(1, 2, 8, new Dictionary<string, double> { ["accuracy"] = 0.75 })],
        },
        Health = new ServiceHealth(10, 1, 0.1, 2.5, 9.75),
        FiringAlerts = ["low-accuracy"],
    };

    [Fact]
    public async Task AddReport_RoundTripsTheWholeReportWithItsNewId()
    {
        var name = UniqueName();
        var report = Report(name);

        var added = await Reports.AddReportAsync(report, CancellationToken.None);
        var read = await Reports.GetReportAsync(added.Id, CancellationToken.None);

        Assert.True(added.Id > 0);
        Assert.NotNull(read);
        Assert.Equal(added.Id, read.Id);
        Assert.Equal((name, "a", "weather", 3L, 10L), (read.Deployment, read.Variant, read.Model, read.Version, read.Rows));
        var temp = read.FeatureDrift!.Columns[0];
        Assert.Equal(report.FeatureDrift!.Columns[0].BinEdges, temp.BinEdges);
        Assert.Equal([300L, 400, 300], temp.ReferenceCounts);
        Assert.Equal((0.001, true, 20.1), (temp.Score, temp.Drifted, temp.CurrentMean));
        Assert.True(double.IsNaN(read.FeatureDrift.Columns[1].Score));
        Assert.Equal("no current values", read.FeatureDrift.Columns[1].Skipped);
        Assert.Equal(["rain", "sun"], read.PredictionDrift!.Categories);
        Assert.Equal(0.75, read.Performance!.Metrics["accuracy"]);
        Assert.Equal(8, Assert.Single(read.Performance.OverTime).Labelled);
        Assert.Equal(report.Health, read.Health);
        Assert.Equal(["low-accuracy"], read.FiringAlerts);
    }

    [Fact]
    public async Task GetReport_OfAnUnknownId_IsNull() =>
        Assert.Null(await Reports.GetReportAsync(long.MaxValue, CancellationToken.None));

    [Fact]
    public async Task ListReports_IsNewestFirstPerDeploymentAndAfterReturnsOnlyNewerOnes()
    {
        var name = UniqueName();
        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            Time.Advance(TimeSpan.FromMinutes(1));
            ids.Add((await Reports.AddReportAsync(Report(name, rows: i), CancellationToken.None)).Id);
        }

        await Reports.AddReportAsync(Report(UniqueName()), CancellationToken.None);

        var all = await Reports.ListReportsAsync(name, 10, null, CancellationToken.None);
        var newest2 = await Reports.ListReportsAsync(name, 2, null, CancellationToken.None);
        var after = await Reports.ListReportsAsync(name, 10, ids[1], CancellationToken.None);

        Assert.Equal(ids.AsEnumerable().Reverse(), all.Select(r => r.Id));
        Assert.Equal([3L, 2], newest2.Select(r => r.Rows));
        Assert.Equal([ids[3], ids[2]], after.Select(r => r.Id));
    }

    [Fact]
    public async Task ListRecentReports_IsNewestFirstAcrossDeploymentsOrOfOne_AndBeforePagesToOlderOnes()
    {
        var (a, b) = (UniqueName(), UniqueName());
        var ids = new List<long>();
        foreach (var name in new[] { a, b, a, b })
        {
            Time.Advance(TimeSpan.FromMinutes(1));
            ids.Add((await Reports.AddReportAsync(Report(name), CancellationToken.None)).Id);
        }

        // Other tests' reports may share the store: the across-deployments lists are read up to this test's first report.
        var all = await Reports.ListRecentReportsAsync(null, 1000, null, CancellationToken.None);
        var ofA = await Reports.ListRecentReportsAsync(a, 10, null, CancellationToken.None);
        var olderOfA = await Reports.ListRecentReportsAsync(a, 10, ids[2], CancellationToken.None);
        var olderThanLast = await Reports.ListRecentReportsAsync(null, 2, ids[3], CancellationToken.None);

        Assert.Equal(ids.AsEnumerable().Reverse(), all.Where(r => r.Deployment == a || r.Deployment == b).Select(r => r.Id));
        Assert.True(all.Zip(all.Skip(1)).All(pair => pair.First.Id > pair.Second.Id), "newest first");
        Assert.Equal([ids[2], ids[0]], ofA.Select(r => r.Id));
        Assert.Equal([ids[0]], olderOfA.Select(r => r.Id));
        Assert.Equal(2, olderThanLast.Count);
        Assert.All(olderThanLast, r => Assert.True(r.Id < ids[3]));
    }
}
