using System.Text.Json.Nodes;
using Cairn.Inference.Tests.Support;

namespace Cairn.Inference.Tests;

/// <summary>A regression model with a categorical input: only <c>score</c> is answered; classifier options are refused.</summary>
[Collection(InferenceServerCollection.Name)]
public sealed class RegressionTests(InferenceServerFixture server)
{
    private static JsonObject OipRow(string weather) => new()
    {
        ["inputs"] = new JsonArray
        {
            Oip.Input("date", "BYTES", new JsonArray("2015-06-01")),
            Oip.Input("precipitation", "FP64", new JsonArray(0.0)),
            Oip.Input("temp_min", "FP64", new JsonArray(14.0)),
            Oip.Input("wind", "FP64", new JsonArray(3.0)),
            Oip.Input("weather", "BYTES", new JsonArray(weather)),
        },
    };

    [Fact]
    public async Task Oip_Regression_AnswersOnlyScore_AndMetadataSaysSo()
    {
        var (status, body) = await Oip.SendAsync(server.Http, "/v2/models/temperature/infer", OipRow("sun"));

        Assert.Equal(200, status);
        var output = Assert.Single(body!["outputs"]!.AsArray())!;
        Assert.Equal(("score", "FP64"), ((string?)output["name"], (string?)output["datatype"]));
        Assert.InRange((double)output["data"]![0]!, 5.0, 40.0);
        var metadata = JsonNode.Parse(await server.Http.GetStringAsync("/v2/models/temperature"))!;
        Assert.Equal(["score"], metadata["outputs"]!.AsArray().Select(o => (string?)o!["name"]));
        Assert.Equal("regression", (string?)metadata["parameters"]!["task"]);
        Assert.Equal("BYTES", (string?)metadata["inputs"]!.AsArray().Single(i => (string?)i!["name"] == "weather")!["datatype"]);
    }

    [Fact]
    public async Task Oip_UnseenCategory_Scores_AndNumberForCategory_IsRejected()
    {
        var (unseen, _) = await Oip.SendAsync(server.Http, "/v2/models/temperature/infer", OipRow("hail"));
        Assert.Equal(200, unseen);

        var request = OipRow("sun");
        request["inputs"]!.AsArray().RemoveAt(4);
        request["inputs"]!.AsArray().Add(Oip.Input("weather", "FP64", new JsonArray(1.0)));
        var (status, error) = await Oip.SendAsync(server.Http, "/v2/models/temperature/infer", request);
        Assert.Equal(400, status);
        Assert.Contains("Input 'weather' has datatype FP64", (string?)error!["error"]);
    }

    [Fact]
    public async Task Records_Regression_AnswersScore_AndRefusesTopK()
    {
        var record = new JsonObject { ["date"] = "2015-06-01", ["precipitation"] = 0.0, ["temp_min"] = 14.0, ["wind"] = 3.0, ["weather"] = "sun" };

        var (status, body) = await Oip.SendAsync(server.Http, "/api/v1/deployments/temperature/predict", new JsonObject { ["records"] = new JsonArray(record.DeepClone()) });
        var (refused, error) = await Oip.SendAsync(server.Http, "/api/v1/deployments/temperature/predict",
            new JsonObject { ["records"] = new JsonArray(record.DeepClone()), ["top_k"] = 1 });

        Assert.Equal(200, status);
        var prediction = body!["predictions"]![0]!.AsObject();
        Assert.Equal(["score"], prediction.Select(p => p.Key));
        Assert.Equal(400, refused);
        Assert.Contains("apply to classifiers", (string?)error!["message"]);
    }
}
