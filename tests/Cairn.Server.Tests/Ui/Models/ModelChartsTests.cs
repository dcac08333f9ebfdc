using System.Text.Json.Nodes;
using Cairn.Core;
using Cairn.Server.Ui.Pages.Models;

namespace Cairn.Server.Tests.Ui.Models;

public sealed class ModelChartsTests
{
    [Fact]
    public void MetricsByVersion_DrawsOneLinePerMetric_OverVersionNumbersInOrder()
    {
        var versions = new[]
        {
            ModelsQueryTests.Version(3, "None", new KeyValue("cairn.metric.accuracy", "0.4")),
            ModelsQueryTests.Version(1, "None", new KeyValue("cairn.metric.accuracy", "0.8"), new KeyValue("cairn.metric.<b>f1</b>", "0.5")),
            ModelsQueryTests.Version(2, "None"),
        };

        var traces = ModelCharts.MetricsByVersion(versions);

        Assert.Equal(2, traces.Count);
        var accuracy = traces.Single(t => t!["name"]!.GetValue<string>() == "accuracy")!;
        Assert.Equal([1L, 3L], accuracy["x"]!.AsArray().Select(x => x!.GetValue<long>()));
        Assert.Equal([0.8, 0.4], accuracy["y"]!.AsArray().Select(y => y!.GetValue<double>()));
        // Plotly reads markup in trace names: a user's metric name is escaped.
        Assert.Contains(traces, t => t!["name"]!.GetValue<string>() == "&lt;b&gt;f1&lt;/b&gt;");
    }

    [Fact]
    public void MetricsByVersion_WithoutMetricTags_IsEmpty() =>
        Assert.Empty(ModelCharts.MetricsByVersion([ModelsQueryTests.Version(1, "None", new KeyValue("team", "ml"))]));

    [Fact]
    public void MetricsByVersion_KeepsTheLegendReadable()
    {
        var tags = Enumerable.Range(0, ModelCharts.MaxMetrics + 3).Select(i => new KeyValue($"cairn.metric.m{i:00}", "1")).ToArray();
        Assert.Equal(ModelCharts.MaxMetrics, ModelCharts.MetricsByVersion([ModelsQueryTests.Version(1, "None", tags)]).Count);
        Assert.IsType<JsonObject>(ModelCharts.MetricsByVersionLayout()["xaxis"]);
    }
}
