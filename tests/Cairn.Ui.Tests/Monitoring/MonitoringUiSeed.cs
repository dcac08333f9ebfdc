using Cairn.Core.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Ui.Tests.Monitoring;

/// <summary>
/// A monitor report whose deployment, variant, model, feature, category and alert rule are hostile HTML
/// (for a deployment that does not exist, so no trigger or other page counts it), and the alert events it
/// fired and a later report resolved. Written once through the server's own stores.
/// </summary>
public sealed record MonitoringUiSeed(string Deployment, string Feature, long ReportId, long ResolvingReportId)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static MonitoringUiSeed? _seed;

    public const string Rule = "low-acc " + UiSeed.Hostile;

    public static async Task<MonitoringUiSeed> EnsureAsync(UiFixture ui)
    {
        await Once.WaitAsync();
        try
        {
            return _seed ??= await CreateAsync(ui);
        }
        finally
        {
            Once.Release();
        }
    }

    private static async Task<MonitoringUiSeed> CreateAsync(UiFixture ui)
    {
        var reports = ui.App.Services.GetRequiredService<IMonitorStore>();
        var alerts = ui.App.Services.GetRequiredService<IMonitorConfigStore>();
        var deployment = "mon " + UiSeed.Hostile;
        var feature = "f " + UiSeed.Hostile;
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var first = await reports.AddReportAsync(Report(deployment, feature, now - 60_000, accuracy: 0.6, [Rule]), CancellationToken.None);
        var second = await reports.AddReportAsync(Report(deployment, feature, now, accuracy: 0.95, []), CancellationToken.None);
        await alerts.RecordAlertEventsAsync([Event(deployment, AlertEventStates.Fired, 0.6, now - 60_000, first.Id)], CancellationToken.None);
        await alerts.RecordAlertEventsAsync([Event(deployment, AlertEventStates.Resolved, 0.95, now, second.Id)], CancellationToken.None);
        return new MonitoringUiSeed(deployment, feature, first.Id, second.Id);
    }

    private static AlertEvent Event(string deployment, string state, double value, long at, long reportId) => new()
    {
        Deployment = deployment, Variant = "v " + UiSeed.Hostile, Rule = Rule, Metric = "accuracy", Op = "<", Threshold = 0.9,
        State = state, Value = value, Timestamp = at, ReportId = reportId,
    };

    private static MonitorReport Report(string deployment, string feature, long at, double accuracy, IReadOnlyList<string> firing) => new()
    {
        Deployment = deployment, Variant = "v " + UiSeed.Hostile, Model = "m " + UiSeed.Hostile, Version = 1,
        CreatedAt = at, WindowStart = at - 60_000, WindowEnd = at, Rows = 40,
        FeatureDrift = new DatasetDrift
        {
            Columns =
            [
                new ColumnDrift
                {
                    Column = feature, Type = "numeric", Method = "ks", Score = 0.001, Statistic = 0.5, Threshold = 0.05, IsPValue = true, Drifted = true,
                    ReferenceCount = 100, CurrentCount = 40, ReferenceMean = 2, ReferenceStd = 1, CurrentMean = 4,
                    BinEdges = [0, 2, 4, 6], ReferenceCounts = [50, 40, 10], CurrentCounts = [5, 10, 25],
                },
            ],
            DriftedColumns = 1, Share = 1, DriftShare = 0.5, Drifted = true,
        },
        PredictionDrift = new ColumnDrift
        {
            Column = "prediction", Type = "categorical", Method = "chisquare", Score = 0.5, Threshold = 0.05, IsPValue = true, Drifted = false,
            ReferenceCount = 100, CurrentCount = 40, Categories = ["sun", "c " + UiSeed.Hostile], ReferenceCounts = [60, 40], CurrentCounts = [20, 20],
        },
        Performance = new PerformanceSummary
        {
            Task = "classification", Labelled = 40, Metrics = new Dictionary<string, double> { ["accuracy"] = accuracy },
            OverTime = [new PerformancePoint(at - 60_000, at - 30_000, 20, new Dictionary<string, double> { ["accuracy"] = accuracy - 0.05 }),
                new PerformancePoint(at - 30_000, at, 20, new Dictionary<string, double> { ["accuracy"] = accuracy + 0.05 })],
        },
        Health = new ServiceHealth(40, 1, 0.025, 1.5, 7.25),
        FiringAlerts = firing,
    };
}
