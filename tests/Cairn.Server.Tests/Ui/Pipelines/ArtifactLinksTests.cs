using Cairn.Core.Pipelines;
using Cairn.Server.Ui.Pages.Pipelines;

namespace Cairn.Server.Tests.Ui.Pipelines;

public sealed class ArtifactLinksTests
{
    private const string Hash = "ccde515252de9059190c626473ff8d2555ee26579ee0c4464657aa6db4cc6bef";

    private static ArtifactSlot Slot(string slot, string type, string uri, string? props) => new(slot, new LineageArtifact(1, type, uri, "h", props, 1));

    private static readonly ArtifactSlot Imported = Slot("dataset", "dataset", "pipelines/r/ingest/1/dataset/weather.csv",
        $$"""{"name":"weather","version":"{{Hash}}","row_count":943}""");

    private static ArtifactLinks Links(string? trackingRunId, params ArtifactSlot[] outputs) =>
        new([new ExecutionInfo(1, "r", "ingest", 1, ExecutionState.Complete, null, null, 1, 1, 2, null, null, null, [], [Imported, .. outputs])], trackingRunId);

    [Fact]
    public void Dataset_LeadsToItsVersion_AndASplit_LeadsToTheVersionItCameFrom()
    {
        var split = Slot("train", "dataset", "pipelines/r/split/1/train/train.csv", $$"""{"row_count":754,"dataset_versions":["{{Hash}}"]}""");
        var links = Links("t1", split);

        var imported = links.Describe("ingest", Imported, isInput: false);
        Assert.Equal($"/datasets/weather/versions/{Hash}", imported.Href);
        Assert.Equal("weather@ccde5152 (943 rows)", imported.Label);

        var train = links.Describe("split", split, isInput: false);
        Assert.Equal($"/datasets/weather/versions/{Hash}", train.Href);
        Assert.Equal("train.csv of weather@ccde5152 (754 rows)", train.Label);
    }

    [Fact]
    public void ModelVersion_Rollout_Report_AndOtherArtifacts_LeadWhereTheyLive()
    {
        var links = Links("t1");
        var mv = links.Describe("register", Slot("model_version", "model_version", "x/model_version.json", """{"name":"seattle weather","version":"2"}"""), isInput: false);
        Assert.Equal(("/models/seattle%20weather/versions/2", "seattle weather v2"), (mv.Href, mv.Label));

        var rollout = links.Describe("rollout", Slot("rollout", "rollout", "x/rollout.json", """{"id":1,"deployment":"weather","version":2}"""), isInput: false);
        Assert.Equal(("/deployments/weather", "rollout 1 on weather"), (rollout.Href, rollout.Label));

        // A report read as an input is the upstream step's output, copied into the tracked run under <step>/<slot>/.
        var report = links.Describe("split", Slot("validate.report", "report", "pipelines/r/validate/1/report/validation.json", "{}"), isInput: true);
        Assert.Equal("/get-artifact?run_id=t1&path=validate%2Freport%2Fvalidation.json", report.Href);

        var model = links.Describe("train", Slot("model", "model", "pipelines/r/train/1/model/model.zip", "not json"), isInput: false);
        Assert.Equal(("/runs/t1", "model.zip (tracked run)"), (model.Href, model.Label));
    }

    [Fact]
    public void WithoutATrackedRun_OrAName_AnArtifactIsPlainText()
    {
        var links = Links(null);
        var unknown = links.Describe("split", Slot("test", "dataset", "pipelines/r/split/1/test/test.csv", """{"dataset_versions":["unknown"]}"""), isInput: false);
        Assert.Null(unknown.Href);
        Assert.Equal("test.csv", unknown.Label);
        Assert.Equal("pipelines/r/split/1/test/test.csv", unknown.Title);
    }
}
