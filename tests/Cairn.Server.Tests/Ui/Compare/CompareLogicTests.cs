using System.Text.Json.Nodes;
using Cairn.Core;
using Cairn.Core.Errors;
using Cairn.Core.Tracking;
using Cairn.Server.Ui.Pages.Compare;

namespace Cairn.Server.Tests.Ui.Compare;

/// <summary>The compare page's pure parts: reading the run ids, the diff rows and the plotly traces.</summary>
public sealed class CompareLogicTests
{
    private static Run Run(string id, string name, (string Key, string Value)[] parameters, (string Key, double Value, long Step)[] metrics, params (string Key, string Value)[] tags) => new()
    {
        Info = new RunInfo { RunId = id, ExperimentId = "1", RunName = name, ArtifactUri = "a", LifecycleStage = "active" },
        Params = [.. parameters.Select(p => new KeyValue(p.Key, p.Value))],
        Metrics = [.. metrics.Select(m => new Metric(m.Key, m.Value, 0, m.Step))],
        Tags = [.. tags.Select(t => new KeyValue(t.Key, t.Value))],
    };

    [Fact]
    public void ParseRunIds_AcceptsCommaListsAndRepeats_TrimsAndDropsDuplicates()
    {
        Assert.Equal(["a", "b", "c"], CompareQuery.ParseRunIds(["a, b", "c", "a,", null]));
    }

    [Theory]
    [InlineData(0, "Missing value for parameter 'runs'")]
    [InlineData(11, "11 runs were given; compare at most 10")]
    public void ParseRunIds_WithNoneOrTooMany_IsRejected_NamingTheParameter(int count, string message)
    {
        var error = Assert.Throws<CairnException>(() => CompareQuery.ParseRunIds([string.Join(',', Enumerable.Range(0, count).Select(i => "r" + i))]));

        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_MarksRowsThatDiffer_IncludingAbsentValues_AndFiltersToThem()
    {
        var runs = new[]
        {
            Run("1", "a", [("lr", "0.1"), ("epochs", "5")], [("acc", 0.5, 0)], ("team", "x")),
            Run("2", "b", [("lr", "0.2"), ("epochs", "5"), ("extra", "y")], [("acc", 0.5, 0)], ("team", "x")),
        };

        var all = CompareDiff.Build(runs, onlyDifferences: false);
        var only = CompareDiff.Build(runs, onlyDifferences: true);

        Assert.Equal(
            [("Params", "epochs", false), ("Params", "extra", true), ("Params", "lr", true), ("Metrics", "acc", false), ("Tags", "team", false)],
            all.Select(r => (r.Section, r.Key, r.Differs)));
        Assert.Equal([null, "y"], all.Single(r => r.Key == "extra").Values);
        Assert.Equal(["extra", "lr"], only.Select(r => r.Key));
    }

    [Fact]
    public void Diff_ComparesMetricsByValue_NotByTheirRounding()
    {
        var runs = new[] { Run("1", "a", [], [("acc", 0.300001, 0)]), Run("2", "b", [], [("acc", 0.3000012, 0)]) };

        var row = Assert.Single(CompareDiff.Build(runs, onlyDifferences: false));

        Assert.True(row.Differs);
        Assert.Equal(["0.3", "0.3"], row.Values);
    }

    [Fact]
    public void Parcoords_MapsCategoricalParamsToTicks_NumbersStayNumeric_AndTheMetricIsTheLastAxis()
    {
        var runs = new[]
        {
            Run("1", "a", [("lr", "0.1"), ("opt", "sgd")], [("acc", 0.7, 0)]),
            Run("2", "b", [("lr", "0.01"), ("opt", "adam")], [("acc", 0.9, 0)]),
            Run("3", "c", [("lr", "0.5")], []),
        };

        var (data, count) = CompareCharts.Parcoords(runs, "acc");

        Assert.Equal(2, count);
        var dimensions = data[0]!["dimensions"]!.AsArray();
        Assert.Equal(["lr", "opt", "acc"], dimensions.Select(d => d!["label"]!.GetValue<string>()));
        Assert.Equal([0.1, 0.01], dimensions[0]!["values"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Null(dimensions[0]!["ticktext"]);
        Assert.Equal(["adam", "sgd"], dimensions[1]!["ticktext"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal([1.0, 0.0], dimensions[1]!["values"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal([0.7, 0.9], data[0]!["line"]!["color"]!.AsArray().Select(v => v!.GetValue<double>()));
    }

    [Fact]
    public void Dimension_WithAMissingValue_ShowsItAsNone_AndPadsASingleTick()
    {
        var mixed = CompareCharts.Dimension("opt", ["adam", null]);
        var single = CompareCharts.Dimension("opt", ["adam", "adam"]);

        Assert.Equal(["(none)", "adam"], mixed["ticktext"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("[-1,1]", single["range"]!.ToJsonString());
    }

    [Fact]
    public void ChartText_WrittenByUsers_IsEscapedForPlotly()
    {
        var runs = new[] { Run("1", "<b>bold</b>", [("<i>p</i>", "<a href=x>v</a>")], [("m", 1, 0)]), Run("2", "<b>bold</b>", [("<i>p</i>", "w")], [("m", 2, 0)]) };

        var labels = CompareCharts.RunLabels(runs);
        var parcoords = CompareCharts.Parcoords(runs, "m").Data.ToJsonString();
        var curves = CompareCharts.Curves([(labels[0], [new Metric("m", 1, 0, 0), new Metric("m", 2, 0, 1)])]);

        Assert.Equal(["<b>bold</b> (1)", "<b>bold</b> (2)"], labels);
        Assert.DoesNotContain("<a href", parcoords, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", parcoords, StringComparison.Ordinal);
        Assert.Equal("&lt;b&gt;bold&lt;/b&gt; (1)", curves[0]!["name"]!.GetValue<string>());
        Assert.Equal("lines+markers", curves[0]!["mode"]!.GetValue<string>());
    }

    [Fact]
    public void CurveMetrics_AreTheOnesLoggedPastStepZero_AndChoicesPutCommonMetricsFirst()
    {
        var runs = new[] { Run("1", "a", [], [("loss", 0.1, 9), ("acc", 1, 0), ("z", 1, 0)]), Run("2", "b", [], [("z", 1, 0)]) };

        Assert.Equal(["loss"], CompareCharts.CurveMetrics(runs, 12));
        Assert.Equal(["z", "acc", "loss"], CompareCharts.MetricChoices(runs));
    }

    [Fact]
    public void LatestValues_GivesOneBarPerRunThatHasTheMetric_InTheRunsColour()
    {
        var runs = new[] { Run("1", "a", [], [("acc", 0.5, 0)]), Run("2", "b", [], [("acc", 0.7, 0), ("f1", double.NaN, 0)]) };

        var acc = CompareCharts.LatestValues(runs, ["a", "b"], "acc");
        var f1 = Assert.Single(CompareCharts.LatestValues(runs, ["a", "b"], "f1"));

        Assert.Equal(["a", "b"], acc.Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal("[null]", f1!["y"]!.ToJsonString());
        Assert.Equal(CompareCharts.RunColor(1), f1["marker"]!["color"]!.GetValue<string>());
    }

    [Fact]
    public void LatestValueMetrics_PutDifferingMetricsFirst_ThenUndottedNames_Bounded()
    {
        var runs = new[] { Run("1", "a", [], [("acc", 0.5, 0), ("train.acc", 0.5, 0), ("rows", 10, 0), ("zeta", 1, 0)]), Run("2", "b", [], [("acc", 0.7, 0), ("train.acc", 0.7, 0), ("rows", 10, 0), ("zeta", 1, 0)]) };

        Assert.Equal(["acc", "train.acc", "rows"], CompareCharts.LatestValueMetrics(runs, ["zeta", "train.acc", "rows", "acc"], 3));
    }
}
