using Cairn.Core.Tracking;
using Cairn.Server.Ui.Pages.Runs;

namespace Cairn.Server.Tests.Ui.Experiments;

public sealed class RunPageLogicTests
{
    [Theory]
    [InlineData("model/MLmodel", PreviewKind.Text)]
    [InlineData("evaluate/report/metrics.json", PreviewKind.Json)]
    [InlineData("data/head.CSV", PreviewKind.Csv)]
    [InlineData("plots/roc.png", PreviewKind.Image)]
    [InlineData("pipeline.yaml", PreviewKind.Text)]
    [InlineData("model/model.zip", PreviewKind.None)]
    [InlineData(".hidden", PreviewKind.None)]
    public void PreviewKind_FollowsTheFileName(string path, PreviewKind expected) => Assert.Equal(expected, ArtifactPreview.KindOf(path));

    [Fact]
    public void CsvHead_HandlesQuotes_SeparatorsAndNewlinesInFields_AndStopsAtTheLimit()
    {
        var rows = ArtifactPreview.CsvHead("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",3\nmore,rows\n", ',', 3);

        Assert.Equal(3, rows.Count);
        Assert.Equal(["a", "b"], rows[0]);
        Assert.Equal(["x, y", "say \"hi\""], rows[1]);
        Assert.Equal(["two\nlines", "3"], rows[2]);
    }

    [Fact]
    public void PrettyJson_IndentsValidJson_AndLeavesOtherTextAlone()
    {
        Assert.Equal("{\n  \"a\": [\n    1\n  ],\n  \"b\": \"<x>\"\n}", ArtifactPreview.PrettyJson("{\"a\":[1],\"b\":\"<x>\"}").ReplaceLineEndings("\n"));
        Assert.Equal("{\"a\":1}\n{\"a\":2}", ArtifactPreview.PrettyJson("{\"a\":1}\n{\"a\":2}"));
    }

    [Fact]
    public void MetricTraces_FollowSteps_EscapeTheKey_AndTurnNaNIntoGaps()
    {
        Metric[] history = [new("<b>loss</b>", 0.5, 2_000, 1), new("<b>loss</b>", double.NaN, 3_000, 2), new("<b>loss</b>", 0.9, 1_000, 0)];

        var trace = MetricCharts.Traces("<b>loss</b>", history)[0]!.AsObject();
        var layout = MetricCharts.Layout("<b>loss</b>", history);

        Assert.Equal("&lt;b&gt;loss&lt;/b&gt;", trace["name"]!.GetValue<string>());
        Assert.Equal("[0,1,2]", trace["x"]!.ToJsonString());
        Assert.Equal("[0.9,0.5,null]", trace["y"]!.ToJsonString());
        Assert.Equal("step", layout["xaxis"]!["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void MetricTraces_UseTime_WhenEveryPointHasTheSameStep()
    {
        Metric[] history = [new("acc", 0.1, 10_000, 0), new("acc", 0.2, 12_500, 0)];

        Assert.True(MetricCharts.ByTime(history));
        Assert.Equal("[0,2.5]", MetricCharts.Traces("acc", history)[0]!["x"]!.ToJsonString());
        Assert.Equal("metric-history-a_b.c", MetricCharts.ChartName("a b.c"));
    }

    [Fact]
    public void CairnDatasetSources_NameTheDatasetVersion()
    {
        Assert.Equal(("weather", "abc123"), RunPage.CairnDataset(new Dataset("weather", "abc", "cairn", "cairn-dataset:weather@abc123")));
        Assert.Null(RunPage.CairnDataset(new Dataset("w", "d", "s3", "s3://bucket/w.csv")));
        Assert.Null(RunPage.CairnDataset(new Dataset("w", "d", "cairn", "cairn-dataset:w@")));
    }
}
