using System.Text.Json.Nodes;
using Cairn.Core.Monitoring;
using Cairn.Server.Ui.Pages.Monitoring;
using Cairn.Server.Ui;

namespace Cairn.Server.Tests.Ui.Monitoring;

/// <summary>The monitoring pages' plotly traces, built from stored reports.</summary>
public sealed class MonitoringChartsTests
{
    private static ColumnDrift Numeric(string name = "temp_max") => new()
    {
        Column = name, Type = "numeric", Method = "ks", Score = 0.001, Threshold = 0.05, IsPValue = true, Drifted = true,
        ReferenceCount = 1000, CurrentCount = 10, ReferenceMean = 15, ReferenceStd = 5,
        BinEdges = [0, 10, 20, 40], ReferenceCounts = [250, 500, 250], CurrentCounts = [0, 5, 5],
    };

    private static MonitorReport Report(long id, long windowEnd, string variant = "a", double? accuracy = null, double share = 0.25) => new()
    {
        Id = id, Deployment = "d", Variant = variant, Model = "m", Version = 1, CreatedAt = windowEnd, WindowStart = windowEnd - 1000, WindowEnd = windowEnd, Rows = 10,
        FeatureDrift = new DatasetDrift { Columns = [], DriftedColumns = 1, Share = share, DriftShare = 0.5, Drifted = share >= 0.5 },
        Performance = accuracy is { } a ? new PerformanceSummary
        {
            Task = "classification", Labelled = 8, Metrics = new Dictionary<string, double> { ["macro_f1"] = 0.5, ["accuracy"] = a },
            OverTime = [new PerformancePoint(windowEnd - 1000, windowEnd - 500, 4, new Dictionary<string, double> { ["accuracy"] = 0.7 }),
                new PerformancePoint(windowEnd - 500, windowEnd, 4, new Dictionary<string, double> { ["accuracy"] = double.NaN })],
        } : null,
    };

    [Fact]
    public void Histogram_OfANumericColumn_OverlaysSharesAtBinCentresWithBinWidths()
    {
        var traces = MonitoringCharts.Histogram(Numeric());

        Assert.Equal(2, traces.Count);
        var reference = traces[0]!.AsObject();
        var current = traces[1]!.AsObject();
        Assert.Equal("bar", (string?)reference["type"]);
        Assert.StartsWith("reference (1,000 values)", (string?)reference["name"], StringComparison.Ordinal);
        Assert.Equal([5.0, 15, 30], reference["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([10.0, 10, 20], reference["width"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([25.0, 50, 25], reference["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([0.0, 50, 50], current["y"]!.AsArray().Select(v => (double)v!));
    }

    [Fact]
    public void Histogram_OfACategoricalColumn_EscapesTheCategoryNames()
    {
        var column = new ColumnDrift
        {
            Column = "weather", Type = "categorical", Method = "chisquare", Score = 0.3, Threshold = 0.05, IsPValue = true, Drifted = false,
            Categories = ["sun", "<b>rain</b>"], ReferenceCounts = [3, 1], CurrentCounts = [0, 0],
        };

        var traces = MonitoringCharts.Histogram(column);

        Assert.Equal(["sun", "&lt;b&gt;rain&lt;/b&gt;"], traces[0]!["x"]!.AsArray().Select(v => (string)v!));
        Assert.Null(traces[0]!["width"]);
        Assert.Equal([0.0, 0], traces[1]!["y"]!.AsArray().Select(v => (double)v!));
    }

    [Fact]
    public void HistogramLayout_EscapesTheColumnName_AndShadesTheReferenceMeanPlusMinusStd()
    {
        var layout = MonitoringCharts.HistogramLayout(Numeric("<i>t</i>"));

        Assert.Equal("overlay", (string?)layout["barmode"]);
        Assert.Equal("&lt;i&gt;t&lt;/i&gt;", (string?)layout["xaxis"]!["title"]!["text"]);
        var band = layout["shapes"]![0]!;
        Assert.Equal((10.0, 20.0), ((double)band["x0"]!, (double)band["x1"]!));
    }

    [Fact]
    public void Performance_DrawsTheWindowsSlices_AndTheSameVariantsReportsUpToThisOne()
    {
        var report = Report(3, 30_000, accuracy: 0.8);
        var history = new[] { Report(4, 40_000, accuracy: 0.9), Report(2, 20_000, "b", accuracy: 0.1), Report(1, 10_000, accuracy: 0.6), report };

        var traces = MonitoringCharts.Performance(report, history, "accuracy");

        var slices = traces[0]!;
        Assert.Equal("slices of this window", (string?)slices["name"]);
        Assert.Equal(0.7, (double)slices["y"]![0]!);
        Assert.Null(slices["y"]![1]);
        var perReport = traces[1]!;
        Assert.Equal([0.6, 0.8], perReport["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(Format.ChartTime(10_000), (string?)perReport["x"]![0]);
        Assert.Equal("1970-01-01 00:00:10.000", Format.ChartTime(10_000));
    }

    [Fact]
    public void MetricNames_PutTheHeadlineMetricFirst()
    {
        Assert.Equal(["accuracy", "macro_f1"], MonitoringCharts.MetricNames(Report(1, 1000, accuracy: 0.5).Performance));
        Assert.Empty(MonitoringCharts.MetricNames(null));
    }

    [Fact]
    public void DriftShareByVariant_DrawsOneLinePerDeploymentVariant_OldestFirst()
    {
        var traces = MonitoringCharts.DriftShareByVariant([Report(3, 3000, share: 0.75), Report(2, 2000, "b", share: 0.5), Report(1, 1000, share: 0)]);

        Assert.Equal(["d / a", "d / b"], traces.Select(t => (string)t!["name"]!));
        Assert.Equal([0.0, 0.75], traces[0]!["y"]!.AsArray().Select(v => (double)v!));
    }

    [Fact]
    public void Shares_OfNoValues_AreZero() => Assert.Equal([0.0, 0], MonitoringCharts.Shares([0, 0]));
}
