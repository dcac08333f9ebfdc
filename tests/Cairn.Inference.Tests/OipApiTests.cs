using System.Net;
using System.Text.Json.Nodes;
using Cairn.Inference.Tests.Support;

namespace Cairn.Inference.Tests;

[Collection(InferenceServerCollection.Name)]
public sealed class OipApiTests(InferenceServerFixture server)
{
    private static readonly string[] Classes = ["drizzle", "fog", "rain", "snow", "sun"];

    private HttpClient Http => server.Http;

    [Fact]
    public async Task Health_LiveReadyAndServerMetadata_Answer()
    {
        Assert.True((bool)JsonNode.Parse(await Http.GetStringAsync("/v2/health/live"))!["live"]!);
        Assert.True((bool)JsonNode.Parse(await Http.GetStringAsync("/v2/health/ready"))!["ready"]!);
        var metadata = JsonNode.Parse(await Http.GetStringAsync("/v2"))!;
        Assert.Equal("cairn", (string?)metadata["name"]);
        Assert.NotNull(metadata["extensions"]!.AsArray());
    }

    [Fact]
    public async Task ModelMetadata_DescribesInputsOutputsAndVersions()
    {
        var metadata = JsonNode.Parse(await Http.GetStringAsync("/v2/models/split"))!;

        Assert.Equal("split", (string?)metadata["name"]);
        Assert.Equal([server.Primary.ToString(), server.Challenger.ToString()], metadata["versions"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("mlnet_zip", (string?)metadata["platform"]);
        var inputs = metadata["inputs"]!.AsArray();
        Assert.Equal(["date", "precipitation", "temp_max", "temp_min", "wind"], inputs.Select(i => (string?)i!["name"]).Order());
        Assert.Equal("BYTES", (string?)inputs.Single(i => (string?)i!["name"] == "date")!["datatype"]);
        Assert.Equal("FP64", (string?)inputs.Single(i => (string?)i!["name"] == "wind")!["datatype"]);
        Assert.All(inputs, i => Assert.Equal([-1], i!["shape"]!.AsArray().Select(d => (int)d!)));
        var outputs = metadata["outputs"]!.AsArray();
        Assert.Equal(["label", "score", "probabilities"], outputs.Select(o => (string?)o!["name"]));
        Assert.Equal([-1, 5], outputs[2]!["shape"]!.AsArray().Select(d => (int)d!));
        Assert.Equal(Classes, JsonNode.Parse((string)metadata["parameters"]!["class_labels"]!)!.AsArray().Select(c => (string?)c));
    }

    [Fact]
    public async Task ModelMetadataAndReady_UnknownDeploymentOrVersion_Are404WithOipError()
    {
        using var unknown = await Http.GetAsync("/v2/models/nope");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("'nope' does not exist", (string?)JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!["error"]);
        using var version = await Http.GetAsync("/v2/models/weather/versions/999");
        Assert.Equal(HttpStatusCode.NotFound, version.StatusCode);
        Assert.Contains("model version 999", (string?)JsonNode.Parse(await version.Content.ReadAsStringAsync())!["error"]);
        using var notReady = await Http.GetAsync("/v2/models/nope/ready");
        Assert.Equal(HttpStatusCode.NotFound, notReady.StatusCode);
    }

    [Fact]
    public async Task ModelReady_ActiveIsReady_PausedIsNot()
    {
        var ready = JsonNode.Parse(await Http.GetStringAsync("/v2/models/weather/ready"))!;
        Assert.Equal("weather", (string?)ready["name"]);
        Assert.True((bool)ready["ready"]!);
        var versioned = JsonNode.Parse(await Http.GetStringAsync($"/v2/models/split/versions/{server.Challenger}/ready"))!;
        Assert.True((bool)versioned["ready"]!);
        using var paused = await Http.GetAsync("/v2/models/paused/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, paused.StatusCode);
        Assert.False((bool)JsonNode.Parse(await paused.Content.ReadAsStringAsync())!["ready"]!);
    }

    [Fact]
    public async Task Infer_OneRow_AnswersEveryOutputAndEchoesTheId()
    {
        using var response = await Oip.PostAsync(Http, "/v2/models/weather/infer", Oip.Row("req-42").ToJsonString());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("req-42", (string?)body["id"]);
        Assert.Equal("req-42", response.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal("weather", (string?)body["model_name"]);
        Assert.Equal(server.Primary.ToString(), (string?)body["model_version"]);
        var label = Oip.Output(body, "label");
        Assert.Equal("BYTES", (string?)label["datatype"]);
        Assert.Equal([1], label["shape"]!.AsArray().Select(d => (int)d!));
        Assert.Contains((string?)label["data"]![0], Classes);
        var probabilities = Oip.Output(body, "probabilities");
        Assert.Equal([1, 5], probabilities["shape"]!.AsArray().Select(d => (int)d!));
        var values = probabilities["data"]!.AsArray().Select(p => (double)p!).ToList();
        Assert.Equal(1.0, values.Sum(), 3);
        Assert.Equal(values.Max(), (double)Oip.Output(body, "score")["data"]![0]!, 6);
        Assert.Equal((string?)label["data"]![0], Classes[values.IndexOf(values.Max())]);
    }

    [Fact]
    public async Task Infer_ThreeRowsNested_ScoresEachRow_LikeThreeSingleRequests()
    {
        var request = new JsonObject
        {
            ["inputs"] = new JsonArray
            {
                Oip.Input("date", "BYTES", new JsonArray(new JsonArray("2015-01-10"), new JsonArray("2015-06-01"), new JsonArray("2015-12-01")), 3, 1),
                Oip.Input("precipitation", "FP64", new JsonArray(new JsonArray(20.0), new JsonArray(0.0), new JsonArray(5.0)), 3, 1),
                Oip.Input("temp_max", "FP64", new JsonArray(8.0, 28.0, 5.0)),
                Oip.Input("temp_min", "INT64", new JsonArray(2, 15, -1)),
                Oip.Input("wind", "FP64", new JsonArray(6.0, 2.0, 4.0)),
            },
        };

        var (status, body) = await Oip.SendAsync(Http, "/v2/models/weather/infer", request);

        Assert.Equal(200, status);
        var labels = Oip.Output(body!, "label")["data"]!.AsArray().Select(l => (string?)l).ToList();
        Assert.Equal(3, labels.Count);
        Assert.Equal([3, 5], Oip.Output(body!, "probabilities")["shape"]!.AsArray().Select(d => (int)d!));
        var (_, single) = await Oip.SendAsync(Http, "/v2/models/weather/infer", Oip.Row(precipitation: 0.0, tempMax: 28.0, tempMin: 15, wind: 2.0));
        Assert.Equal((string?)Oip.Output(single!, "label")["data"]![0], labels[1]);
        var batchProbabilities = Oip.Output(body!, "probabilities")["data"]!.AsArray().Select(p => (double)p!).Skip(5).Take(5);
        var singleProbabilities = Oip.Output(single!, "probabilities")["data"]!.AsArray().Select(p => (double)p!);
        Assert.Equal(singleProbabilities, batchProbabilities);
    }

    [Fact]
    public async Task Infer_WithoutId_UsesTheHeaderElseGeneratesOne()
    {
        using var withHeader = await Oip.PostAsync(Http, "/v2/models/weather/infer", Oip.Row().ToJsonString(), "X-Request-Id", "from-header");
        Assert.Equal("from-header", (string?)JsonNode.Parse(await withHeader.Content.ReadAsStringAsync())!["id"]);

        var (_, generated) = await Oip.SendAsync(Http, "/v2/models/weather/infer", Oip.Row());
        var id = (string?)generated!["id"];
        Assert.Matches("^[0-9a-f]{32}$", id);
    }

    [Fact]
    public async Task Infer_Version_TargetsThatPinnedVersion()
    {
        for (var i = 0; i < 10; i++)
        {
            var (status, body) = await Oip.SendAsync(Http, $"/v2/models/split/versions/{server.Challenger}/infer", Oip.Row());
            Assert.Equal(200, status);
            Assert.Equal(server.Challenger.ToString(), (string?)body!["model_version"]);
        }

        var (missing, error) = await Oip.SendAsync(Http, "/v2/models/split/versions/77/infer", Oip.Row());
        Assert.Equal(404, missing);
        Assert.Contains("no variant with model version 77", (string?)error!["error"]);
        var (bad, _) = await Oip.SendAsync(Http, "/v2/models/split/versions/x1/infer", Oip.Row());
        Assert.Equal(400, bad);
    }

    [Fact]
    public async Task Infer_RequestedOutputs_AreTheOnlyOnesAnswered()
    {
        var request = Oip.Row();
        request["outputs"] = new JsonArray(new JsonObject { ["name"] = "label" });

        var (_, body) = await Oip.SendAsync(Http, "/v2/models/weather/infer", request);

        Assert.Equal("label", (string?)Assert.Single(body!["outputs"]!.AsArray())!["name"]);
    }

    [Fact]
    public async Task Infer_StickyHeader_KeepsAUserOnOneVariant()
    {
        foreach (var user in new[] { "alice", "bob", "carol", "dave" })
        {
            var versions = new HashSet<string?>();
            for (var i = 0; i < 5; i++)
            {
                var (_, body) = await Oip.SendAsync(Http, "/v2/models/split/infer", Oip.Row(), "X-User", user);
                versions.Add((string?)body!["model_version"]);
            }

            Assert.Single(versions);
        }
    }

    [Fact]
    public async Task Infer_UnknownDeployment404_Paused503()
    {
        var (unknown, error) = await Oip.SendAsync(Http, "/v2/models/nope/infer", Oip.Row());
        Assert.Equal(404, unknown);
        Assert.Contains("nope", (string?)error!["error"]);
        var (paused, pausedError) = await Oip.SendAsync(Http, "/v2/models/paused/infer", Oip.Row());
        Assert.Equal(503, paused);
        Assert.Contains("paused", (string?)pausedError!["error"]);
    }

    [Fact]
    public async Task Infer_AnsweredRequests_AreLoggedAndCounted()
    {
        var (_, body) = await Oip.SendAsync(Http, "/v2/models/weather/infer", Oip.Row("logged-1"));

        var record = server.Log.Records.Single(r => r.RequestId == "logged-1");
        Assert.Equal(("weather", "main", false), (record.Deployment, record.Variant, record.Shadow));
        Assert.Equal((string?)Oip.Output(body!, "label")["data"]![0], record.Label);
        Assert.Equal(0.0, record.Inputs["precipitation"]);
        Assert.Equal(5, record.Probabilities!.Count);
        Assert.Contains(server.Metrics.Requests, r => r == ("weather", "main", "oip", 200));
    }

    [Fact]
    public async Task Infer_Shadow_IsScoredAndLoggedButNeverReturned()
    {
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var id = $"shadow-{i}";
            ids.Add(id);
            var (status, body) = await Oip.SendAsync(Http, "/v2/models/shadowed/infer", Oip.Row(id));
            Assert.Equal(200, status);
            Assert.Equal(server.Primary.ToString(), (string?)body!["model_version"]);
            Assert.NotEqual("shadow", (string?)body["parameters"]!["variant"]);
        }

        await InferenceServerFixture.WaitUntilAsync(() => ids.All(id => server.Log.Records.Any(r => r.RequestId == id && r.Shadow)));
        var shadow = server.Log.Records.First(r => r.RequestId == "shadow-0" && r.Shadow);
        Assert.Equal(("shadow", server.Challenger), (shadow.Variant, shadow.Version));
        Assert.Single(server.Log.Records, r => r.RequestId == "shadow-0" && !r.Shadow);
        Assert.Contains(server.Metrics.Shadows, s => s == ("shadowed", "shadow", true));
    }
}
