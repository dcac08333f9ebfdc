using Cairn.Core.Monitoring;
using Cairn.Core.Serving;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Cli.Tests.Monitor;

/// <summary>A deployment and two stored monitor reports, written straight into the server's stores (no model needs loading).</summary>
internal static class MonitorSeed
{
    internal const string HostileColumn = "<script>alert(1)</script>";

    internal static async Task<(MonitorReport Older, MonitorReport Latest)> SeedAsync(IServiceProvider services, string deployment)
    {
        var variants = new[] { new DeploymentVariant { Name = "main", Model = "seattle", Version = 3, Weight = 100 } };
        await services.GetRequiredService<IDeploymentStore>().CreateAsync(
            new Deployment { Name = deployment, Variants = variants, Revision = 1, CreationTimestamp = 1, LastUpdatedTimestamp = 1 },
            new DeploymentEvent { Deployment = deployment, Actor = "test", Action = "create", Variants = variants },
            CancellationToken.None);
        var store = services.GetRequiredService<IMonitorStore>();
        var older = await store.AddReportAsync(Report(deployment, 1_000_000, drifted: false, accuracy: 0.9), CancellationToken.None);
        var latest = await store.AddReportAsync(Report(deployment, 2_000_000, drifted: true, accuracy: 0.75), CancellationToken.None);
        return (older, latest);
    }

    private static MonitorReport Report(string deployment, long at, bool drifted, double accuracy) => new()
    {
        Deployment = deployment,
        Variant = "main",
        Model = "seattle",
        Version = 3,
        CreatedAt = at,
        WindowStart = at - 60_000,
        WindowEnd = at,
        Rows = 500,
        FeatureDrift = new DatasetDrift
        {
            Columns =
            [
                Column("temp_max", "numeric", "wasserstein", drifted ? 0.31 : 0.02, 0.1, isPValue: false, drifted),
                Column(HostileColumn, "categorical", "chisquare", 0.4, 0.05, isPValue: true, drifted: false),
            ],
            DriftedColumns = drifted ? 1 : 0,
            Share = drifted ? 0.5 : 0,
            DriftShare = 0.5,
            Drifted = drifted,
        },
        PredictionDrift = Column("prediction", "categorical", "jensenshannon", 0.05, 0.1, isPValue: false, drifted: false),
        Performance = new PerformanceSummary { Task = "classification", Labelled = 100, Metrics = new Dictionary<string, double> { ["accuracy"] = accuracy } },
        Health = new ServiceHealth(500, 0, 0, 2.5, 12),
        FiringAlerts = drifted ? ["drift-high"] : [],
    };

    private static ColumnDrift Column(string name, string type, string method, double score, double threshold, bool isPValue, bool drifted) => new()
    {
        Column = name,
        Type = type,
        Method = method,
        Score = score,
        Threshold = threshold,
        IsPValue = isPValue,
        Drifted = drifted,
        ReferenceCount = 1000,
        CurrentCount = 500,
        Categories = type == "categorical" ? ["a", "b"] : null,
        BinEdges = type == "numeric" ? [0, 10, 20] : null,
        ReferenceCounts = [600, 400],
        CurrentCounts = [300, 200],
    };
}
