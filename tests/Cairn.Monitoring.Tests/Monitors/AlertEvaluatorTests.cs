using Cairn.Core.Monitoring;
using Cairn.Monitoring.Monitors;

namespace Cairn.Monitoring.Tests.Monitors;

public sealed class AlertEvaluatorTests
{
    private static readonly AlertRule LowAccuracy = new("low-accuracy", "accuracy", "<", 0.7);
    private static readonly AlertRule Drift = new("drift", "drift_share", ">=", 0.5);
    private static readonly AlertRule Wind = new("wind", "feature_drift:wind", "<", 0.05);
    private static readonly AlertRule Slow = new("slow", "p99_ms", ">", 100);

    private static MonitorReport Report(double? accuracy = null, double share = 0, double windScore = 0.5, double p99 = 10, string variant = "main") => new()
    {
        Id = 42, Deployment = "d", Variant = variant, Model = "m", Version = 1, CreatedAt = 1000, WindowStart = 0, WindowEnd = 1000, Rows = 100,
        FeatureDrift = new DatasetDrift
        {
            Columns = [Column("wind", windScore), Column("temp", 0.9)], DriftedColumns = (int)(share * 2), Share = share, DriftShare = 0.5, Drifted = share >= 0.5,
        },
        Performance = accuracy is { } a
            ? new PerformanceSummary { Task = "classification", Labelled = 10, Metrics = new Dictionary<string, double> { ["accuracy"] = a } }
            : new PerformanceSummary { Task = "classification", Labelled = 0, Metrics = new Dictionary<string, double>() },
        Health = new ServiceHealth(100, 0, 0, 1, p99),
    };

    private static ColumnDrift Column(string name, double score) => new()
    {
        Column = name, Type = "numeric", Method = "ks", Score = score, Threshold = 0.05, IsPValue = true, Drifted = score < 0.05,
    };

    [Fact]
    public void Evaluate_RulesThatHoldAndWereNotFiring_Fire()
    {
        var result = AlertEvaluator.Evaluate([LowAccuracy, Drift, Wind, Slow], [], Report(accuracy: 0.6, share: 0.5, windScore: 0.01, p99: 150));

        Assert.Equal(["low-accuracy", "drift", "wind", "slow"], result.Firing);
        Assert.All(result.Changes, c => Assert.Equal(AlertEventStates.Fired, c.State));
        Assert.Equal([0.6, 0.5, 0.01, 150], result.Changes.Select(c => c.Value!.Value));
        Assert.All(result.Changes, c => Assert.Equal((42L, "main", "d"), (c.ReportId, c.Variant, c.Deployment)));
    }

    [Fact]
    public void Evaluate_AFiringRuleThatStillHolds_StaysFiringWithoutANewEvent()
    {
        var result = AlertEvaluator.Evaluate([LowAccuracy], [new AlertState("low-accuracy", "main", 1, 1, 0.5)], Report(accuracy: 0.65));

        Assert.Equal(["low-accuracy"], result.Firing);
        Assert.Empty(result.Changes);
    }

    [Fact]
    public void Evaluate_AFiringRuleThatNoLongerHolds_Resolves()
    {
        var result = AlertEvaluator.Evaluate([LowAccuracy, Drift], [new AlertState("low-accuracy", "main", 1, 1, 0.5)], Report(accuracy: 0.9));

        Assert.Empty(result.Firing);
        var change = Assert.Single(result.Changes);
        Assert.Equal(("low-accuracy", AlertEventStates.Resolved, 0.9), (change.Rule, change.State, change.Value));
    }

    [Fact]
    public void Evaluate_WhenTheReportLacksTheMetric_KeepsTheState()
    {
        var firing = AlertEvaluator.Evaluate([LowAccuracy], [new AlertState("low-accuracy", "main", 1, 1, 0.5)], Report(accuracy: null));
        var quiet = AlertEvaluator.Evaluate([LowAccuracy], [], Report(accuracy: null));

        Assert.Equal(["low-accuracy"], firing.Firing);
        Assert.Empty(firing.Changes);
        Assert.Empty(quiet.Firing);
        Assert.Empty(quiet.Changes);
    }

    [Fact]
    public void Evaluate_StatesAreOfTheReportsVariant()
    {
        var result = AlertEvaluator.Evaluate([LowAccuracy], [new AlertState("low-accuracy", "canary", 1, 1, 0.5)], Report(accuracy: 0.9, variant: "main"));

        Assert.Empty(result.Firing);
        Assert.Empty(result.Changes);
    }

    [Theory]
    [InlineData("<", 0.5, 0.7, true)]
    [InlineData("<", 0.7, 0.7, false)]
    [InlineData("<=", 0.7, 0.7, true)]
    [InlineData(">", 0.7, 0.7, false)]
    [InlineData(">=", 0.7, 0.7, true)]
    [InlineData(">", 0.8, 0.7, true)]
    public void Holds_ComparesValueWithThreshold(string op, double value, double threshold, bool holds) =>
        Assert.Equal(holds, AlertMetrics.Holds(value, op, threshold));

    [Fact]
    public void Value_ReadsEachMetricFromTheReport()
    {
        var report = Report(accuracy: 0.8, share: 0.5, windScore: 0.02, p99: 12.5);

        Assert.Equal(0.5, AlertMetrics.Value(report, "drift_share"));
        Assert.Equal(1, AlertMetrics.Value(report, "dataset_drift"));
        Assert.Equal(0.02, AlertMetrics.Value(report, "feature_drift:wind"));
        Assert.Null(AlertMetrics.Value(report, "feature_drift:nope"));
        Assert.Equal(0.8, AlertMetrics.Value(report, "accuracy"));
        Assert.Null(AlertMetrics.Value(report, "rmse"));
        Assert.Equal(12.5, AlertMetrics.Value(report, "p99_ms"));
        Assert.Equal(0, AlertMetrics.Value(report, "error_rate"));
        Assert.Null(AlertMetrics.Value(report, "prediction_drift"));
    }

    [Theory]
    [InlineData("accuracy", true)]
    [InlineData("feature_drift:temp_max", true)]
    [InlineData("feature_drift:", false)]
    [InlineData("precision", false)]
    [InlineData("Accuracy", false)]
    public void IsValid_KnowsTheMetrics(string metric, bool valid) => Assert.Equal(valid, AlertMetrics.IsValid(metric));
}
