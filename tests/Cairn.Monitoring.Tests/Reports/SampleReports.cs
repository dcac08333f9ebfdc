using Cairn.Core.Monitoring;

namespace Cairn.Monitoring.Tests.Reports;

/// <summary>Monitor reports with every section filled, and a hostile column name.</summary>
internal static class SampleReports
{
    internal const string HostileColumn = "<script>alert('x')</script>&co";

    internal static readonly long Start = DateTimeOffset.Parse("2026-11-24T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    internal static MonitorReport Full(long id = 7, long offsetMs = 0, double accuracy = 0.8) => new()
    {
        Id = id,
        Deployment = "weather",
        Variant = "main",
        Model = "seattle",
        Version = 3,
        CreatedAt = Start + offsetMs + 3_600_000,
        WindowStart = Start + offsetMs,
        WindowEnd = Start + offsetMs + 3_600_000,
        Rows = 1200,
        FeatureDrift = new DatasetDrift
        {
            Columns = [Numeric("temp_max", drifted: true), Categorical(HostileColumn), Skipped("wind")],
            DriftedColumns = 1,
            Share = 0.5,
            DriftShare = 0.5,
            Drifted = true,
        },
        PredictionDrift = Categorical("prediction"),
        Performance = new PerformanceSummary
        {
            Task = "classification",
            Labelled = 400,
            Metrics = new Dictionary<string, double> { ["accuracy"] = accuracy, ["macro_f1"] = 0.7 },
            OverTime =
            [
                new(Start + offsetMs, Start + offsetMs + 1_800_000, 200, new Dictionary<string, double> { ["accuracy"] = accuracy + 0.05, ["macro_f1"] = 0.72 }),
                new(Start + offsetMs + 1_800_000, Start + offsetMs + 3_600_000, 200, new Dictionary<string, double> { ["accuracy"] = accuracy - 0.05, ["macro_f1"] = 0.68 }),
            ],
        },
        Health = new ServiceHealth(1250, 50, 0.04, 3.2, 41.5),
        FiringAlerts = ["accuracy-low", "drift <high>"],
    };

    internal static MonitorReport Bare() => new()
    {
        Deployment = "bare",
        Variant = "main",
        Model = "m",
        Version = 1,
        CreatedAt = Start,
        WindowStart = Start - 60_000,
        WindowEnd = Start,
        Rows = 0,
    };

    internal static ColumnDrift Numeric(string name, bool drifted) => new()
    {
        Column = name,
        Type = "numeric",
        Method = "wasserstein",
        Score = drifted ? 0.31 : 0.02,
        Statistic = 1.5,
        Threshold = 0.1,
        Drifted = drifted,
        ReferenceCount = 1461,
        CurrentCount = 1200,
        ReferenceMean = 16.4,
        ReferenceStd = 7.2,
        CurrentMean = 21.0,
        BinEdges = [-2, 4, 10, 16, 22, 28, 34, 40],
        ReferenceCounts = [40, 180, 350, 400, 300, 150, 41],
        CurrentCounts = [5, 40, 150, 300, 400, 250, 55],
    };

    internal static ColumnDrift Categorical(string name) => new()
    {
        Column = name,
        Type = "categorical",
        Method = "chisquare",
        Score = 0.42,
        Statistic = 2.1,
        Threshold = 0.05,
        IsPValue = true,
        Drifted = false,
        ReferenceCount = 1461,
        CurrentCount = 1200,
        Categories = ["rain", "sun", "fog & <mist>"],
        ReferenceCounts = [600, 700, 161],
        CurrentCounts = [500, 580, 120],
    };

    internal static ColumnDrift Skipped(string name) => new()
    {
        Column = name,
        Type = "numeric",
        Method = "ks",
        Score = double.NaN,
        Threshold = 0.05,
        IsPValue = true,
        Drifted = false,
        Skipped = "no current values",
    };
}
