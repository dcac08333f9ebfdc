using System.Text.Json.Nodes;

namespace Cairn.Server.Tests.Contracts;

public sealed class IdMapTests
{
    private const string RecordedRun = "1188c26acd314863a159c2c1f1d7225a";
    private const string OurRun = "0123456789abcdef0123456789abcdef";
    private const string RecordedModel = "m-59e4d88400fd47e894038a588d83c2d8";
    private const string OurModel = "m-ffffffffffffffffffffffffffffffff";

    /// <summary>Parses JSON with @RecordedRun-style placeholders (raw interpolation and JSON braces do not mix well).</summary>
    private static JsonNode? Json(string text) => JsonNode.Parse(text
        .Replace("@RecordedRun", RecordedRun, StringComparison.Ordinal)
        .Replace("@OurRun", OurRun, StringComparison.Ordinal)
        .Replace("@RecordedModel", RecordedModel, StringComparison.Ordinal)
        .Replace("@OurModel", OurModel, StringComparison.Ordinal));

    private static IdMap Learned()
    {
        var ids = new IdMap();
        ids.Learn(JsonNode.Parse("""{"experiment_id":"1"}"""), JsonNode.Parse("""{"experiment_id":"7"}"""));
        ids.Learn(
            Json("""{"run":{"info":{"run_uuid":"@RecordedRun","experiment_id":"1","run_id":"@RecordedRun"},"data":{"tags":[{"key":"k","value":"1"}]}}}"""),
            Json("""{"run":{"info":{"run_uuid":"@OurRun","experiment_id":"7","run_id":"@OurRun","extra":1},"data":{"tags":[{"key":"k","value":"1"}]}}}"""));
        ids.Learn(
            Json("""{"model":{"info":{"model_id":"@RecordedModel","experiment_id":"1"}}}"""),
            Json("""{"model":{"info":{"model_id":"@OurModel","experiment_id":"7"}}}"""));
        ids.Learn(
            JsonNode.Parse("""{"model_version":{"name":"m","version":"1"}}"""),
            JsonNode.Parse("""{"model_version":{"name":"m","version":"3"}}"""));
        return ids;
    }

    [Fact]
    public void Learn_PairsIdsFromRecordedAndActualResponses()
    {
        var ids = Learned();

        Assert.Equal("7", ids.MapExperiment("1"));
        Assert.Equal(OurRun, ids.UniqueIds[RecordedRun]);
        Assert.Equal(OurModel, ids.UniqueIds[RecordedModel]);
        Assert.Equal("3", ids.MapVersion("m", "1"));
        Assert.Equal("1", ids.MapVersion("other-model", "1"));
    }

    [Fact]
    public void Learn_KeepsTheFirstMapping()
    {
        var ids = Learned();

        ids.Learn(JsonNode.Parse("""{"experiment_id":"1"}"""), JsonNode.Parse("""{"experiment_id":"9"}"""));

        Assert.Equal("7", ids.MapExperiment("1"));
    }

    [Fact]
    public void MapPathAndQuery_RewritesRunIdsAndExperimentParameters()
    {
        var ids = Learned();

        Assert.Equal(
            $"/api/2.0/mlflow/runs/get?run_uuid={OurRun}&run_id={OurRun}",
            ids.MapPathAndQuery($"/api/2.0/mlflow/runs/get?run_uuid={RecordedRun}&run_id={RecordedRun}"));
        Assert.Equal("/api/2.0/mlflow/experiments/get?experiment_id=7", ids.MapPathAndQuery("/api/2.0/mlflow/experiments/get?experiment_id=1"));
        Assert.Equal(
            "/api/2.0/mlflow/model-versions/get-download-uri?name=m&version=3",
            ids.MapPathAndQuery("/api/2.0/mlflow/model-versions/get-download-uri?name=m&version=1"));
    }

    [Fact]
    public void MapPathAndQuery_RewritesArtifactPathsAndListings()
    {
        var ids = Learned();

        Assert.Equal(
            $"/api/2.0/mlflow-artifacts/artifacts/7/{OurRun}/artifacts/sub/1/notes.txt",
            ids.MapPathAndQuery($"/api/2.0/mlflow-artifacts/artifacts/1/{RecordedRun}/artifacts/sub/1/notes.txt"));
        Assert.Equal(
            $"/api/2.0/mlflow-artifacts/artifacts/7/models/{OurModel}/artifacts/MLmodel",
            ids.MapPathAndQuery($"/api/2.0/mlflow-artifacts/artifacts/1/models/{RecordedModel}/artifacts/MLmodel"));
        Assert.Equal(
            $"/api/2.0/mlflow-artifacts/artifacts?path=7%2F{OurRun}%2Fartifacts%2Fsub",
            ids.MapPathAndQuery($"/api/2.0/mlflow-artifacts/artifacts?path=1%2F{RecordedRun}%2Fartifacts%2Fsub"));
    }

    [Fact]
    public void MapPathAndQuery_LeavesOtherNumbersAndEncodingsAlone()
    {
        var ids = Learned();
        const string Search = "/api/2.0/mlflow/registered-models/search?filter=name+%3D+%271%27+AND+tag.%60x%60+%21%3D+%27true%27&max_results=1";
        const string LegacyList = "/api/2.0/mlflow/artifacts/list?path=1%2Fx";

        Assert.Equal(Search, ids.MapPathAndQuery(Search));
        Assert.Equal(LegacyList, ids.MapPathAndQuery(LegacyList));
    }

    [Fact]
    public void MapJsonBody_RewritesIdFieldsAndArtifactUrisOnly()
    {
        var ids = Learned();
        var body = $$"""
            {"run_id":"{{RecordedRun}}","experiment_id":"1","experiment_ids":["1","0"],
             "source":"mlflow-artifacts:/1/{{RecordedRun}}/artifacts/model","model_id":"{{RecordedModel}}",
             "key":"epochs","value":"1","step":1,"metrics":[{"key":"a","value":1.5,"step":1}],
             "filter":"attributes.run_id = '{{RecordedRun}}'"}
            """;

        var mapped = JsonNode.Parse(ids.MapJsonBody(body))!;

        Assert.Equal(OurRun, (string?)mapped["run_id"]);
        Assert.Equal("7", (string?)mapped["experiment_id"]);
        Assert.Equal(["7", "0"], mapped["experiment_ids"]!.AsArray().Select(n => (string?)n));
        Assert.Equal($"mlflow-artifacts:/7/{OurRun}/artifacts/model", (string?)mapped["source"]);
        Assert.Equal(OurModel, (string?)mapped["model_id"]);
        Assert.Equal("1", (string?)mapped["value"]);
        Assert.Equal(1, (int)mapped["step"]!);
        Assert.Equal(1.5, (double)mapped["metrics"]![0]!["value"]!);
        Assert.Equal($"attributes.run_id = '{OurRun}'", (string?)mapped["filter"]);
    }

    [Fact]
    public void MapJsonBody_MapsModelVersionsPerModelName()
    {
        var ids = Learned();

        var mapped = JsonNode.Parse(ids.MapJsonBody("""{"name":"m","alias":"champion","version":"1"}"""))!;
        var unrelated = JsonNode.Parse(ids.MapJsonBody("""{"name":"n","version":"1"}"""))!;

        Assert.Equal("3", (string?)mapped["version"]);
        Assert.Equal("1", (string?)unrelated["version"]);
    }

    [Fact]
    public void MapJsonBody_LeavesNonJsonBodiesUntouched()
    {
        var ids = Learned();

        Assert.Equal("hello artifact\n", ids.MapJsonBody("hello artifact\n"));
    }
}
