using Cairn.Contracts.Native.Datasets;
using Cairn.Core.Pipelines;
using Cairn.Server.Ui.Pages.Datasets;

namespace Cairn.Server.Tests.Ui.Datasets;

/// <summary>The datasets pages' pure parts: profile charts from the stored profile, and lineage/validation from a version's uses.</summary>
public sealed class DatasetsLogicTests
{
    private static DatasetVersionUse Use(long execution, string run, string step, LineageEventKind kind, string slot, string type = "dataset", string uri = "a/data.csv", long created = 100, long artifact = 1) =>
        new(execution, run, "p", step, 1, ExecutionState.Complete, kind, slot, new LineageArtifact(artifact, type, uri, "h", null, 0), created, "t-" + run);

    [Fact]
    public void Histogram_PutsOneBarPerBin_AtItsCentre_AsWideAsTheBin()
    {
        var column = new ColumnProfileDto("x", "numeric") { Histogram = new HistogramDto([0, 2, 6], [3, 4]) };

        var bar = ProfileCharts.Histogram(column)![0]!;

        Assert.Equal("[1,4]", bar["x"]!.ToJsonString());
        Assert.Equal("[2,4]", bar["width"]!.ToJsonString());
        Assert.Equal("[3,4]", bar["y"]!.ToJsonString());
        Assert.Equal("0 – 2", bar["customdata"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Histogram_WithMismatchedEdgesAndCounts_IsNotDrawn()
    {
        Assert.Null(ProfileCharts.Histogram(new ColumnProfileDto("x", "numeric") { Histogram = new HistogramDto([0, 1], [1, 2]) }));
    }

    [Fact]
    public void Categories_PreferFullCounts_MostFrequentFirst_Escaped()
    {
        var column = new ColumnProfileDto("w", "categorical")
        {
            Count = 10,
            Distinct = 3,
            TopCategories = [new("only-top", 1)],
            CategoryCounts = [new("rain", 2), new("<b>sun</b>", 7), new("fog", 1)],
        };

        var (data, _) = ProfileCharts.For(column)!.Value;

        Assert.Equal(["&lt;b&gt;sun&lt;/b&gt;", "rain", "fog"], data[0]!["x"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("[7,2,1]", data[0]!["y"]!.ToJsonString());
    }

    [Fact]
    public void For_AColumnOfUniqueValues_HasNoChart()
    {
        var dates = new ColumnProfileDto("date", "datetime") { Count = 3, Distinct = 3, TopCategories = [new("2012-01-01", 1)] };

        Assert.Null(ProfileCharts.For(dates));
    }

    [Fact]
    public void Rows_GroupUsesByPipelineRun_NewestFirst_NamingStepsOncePerDirection()
    {
        var uses = new[]
        {
            Use(1, "r1", "ingest", LineageEventKind.Output, "dataset", created: 100),
            Use(2, "r1", "validate", LineageEventKind.Input, "data", created: 100),
            Use(2, "r1", "validate", LineageEventKind.Output, "dataset", created: 100),
            Use(3, "r1", "split", LineageEventKind.Output, "train", created: 100),
            Use(4, "r2", "ingest", LineageEventKind.Output, "dataset", created: 200),
        };

        var rows = DatasetLineage.Rows(uses);

        Assert.Equal(["r2", "r1"], rows.Select(r => r.PipelineRunId));
        Assert.Equal(["ingest", "validate", "split"], rows[1].Produced);
        Assert.Equal(["validate"], rows[1].Consumed);
        Assert.Equal("t-r1", rows[1].TrackingRunId);
    }

    [Fact]
    public void Validations_AreTheValidationReportOutputs_NewestFirst_Bounded()
    {
        var uses = new[]
        {
            Use(1, "r1", "validate", LineageEventKind.Output, "report", "report", "p/r1/validate/1/report/validation.json", 100, artifact: 10),
            Use(2, "r1", "evaluate", LineageEventKind.Output, "report", "report", "p/r1/evaluate/1/report/evaluation.json", 100, artifact: 11),
            Use(3, "r2", "validate", LineageEventKind.Output, "report", "report", "p/r2/validate/1/report/validation.json", 200, artifact: 12),
            Use(4, "r3", "check", LineageEventKind.Input, "report", "report", "p/r0/validate/1/report/validation.json", 300, artifact: 13),
        };

        var found = DatasetLineage.Validations(uses, 5);

        Assert.Equal(["r2", "r1"], found.Select(v => v.PipelineRunId));
        Assert.Single(DatasetLineage.Validations(uses, 1));
    }
}
