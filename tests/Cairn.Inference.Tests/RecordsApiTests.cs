using System.Net;
using System.Text.Json.Nodes;
using Cairn.Inference.Tests.Support;

namespace Cairn.Inference.Tests;

[Collection(InferenceServerCollection.Name)]
public sealed class RecordsApiTests(InferenceServerFixture server)
{
    private static JsonObject Record(double precipitation = 0.0, double tempMax = 25.0) => new()
    {
        ["date"] = "2015-06-01",
        ["precipitation"] = precipitation,
        ["temp_max"] = tempMax,
        ["temp_min"] = 12.0,
        ["wind"] = 3.2,
    };

    private static JsonObject Request(params JsonObject[] records) => new() { ["records"] = new JsonArray([.. records]) };

    [Fact]
    public async Task Predict_Records_AnswerLabelsProbabilitiesAndTopK()
    {
        var request = Request(Record(), Record(precipitation: 30, tempMax: 6));
        request["top_k"] = 2;
        request["id"] = "records-1";

        var (status, body) = await Oip.SendAsync(server.Http, "/api/v1/deployments/weather/predict", request);

        Assert.Equal(200, status);
        Assert.Equal("records-1", (string?)body!["id"]);
        Assert.Equal(("weather", "main", "weather"), ((string?)body["deployment"], (string?)body["variant"], (string?)body["model"]));
        var predictions = body["predictions"]!.AsArray();
        Assert.Equal(2, predictions.Count);
        foreach (var prediction in predictions)
        {
            var probabilities = prediction!["probabilities"]!.AsObject();
            Assert.Equal(["drizzle", "fog", "rain", "snow", "sun"], probabilities.Select(p => p.Key));
            Assert.Equal(1.0, probabilities.Sum(p => (double)p.Value!), 3);
            var topK = prediction["top_k"]!.AsArray();
            Assert.Equal(2, topK.Count);
            Assert.True((double)topK[0]!["probability"]! >= (double)topK[1]!["probability"]!);
            Assert.Equal((string?)prediction["label"], (string?)topK[0]!["label"]);
            Assert.Equal(probabilities.Max(p => (double)p.Value!), (double)prediction["confidence"]!, 9);
            Assert.False((bool)prediction["abstained"]!);
        }
    }

    [Fact]
    public async Task Predict_BelowMinConfidence_AbstainsExplicitly()
    {
        var abstain = Request(Record());
        abstain["min_confidence"] = 1.0;
        var answer = Request(Record());
        answer["min_confidence"] = 0.0;

        var (_, abstained) = await Oip.SendAsync(server.Http, "/api/v1/deployments/weather/predict", abstain);
        var (_, answered) = await Oip.SendAsync(server.Http, "/api/v1/deployments/weather/predict", answer);

        var a = abstained!["predictions"]![0]!;
        Assert.True((bool)a["abstained"]!);
        Assert.Null(a["label"]);
        Assert.NotNull(a["probabilities"]);
        Assert.False((bool)answered!["predictions"]![0]!["abstained"]!);
        Assert.NotNull((string?)answered["predictions"]![0]!["label"]);
    }

    [Fact]
    public async Task Predict_StickyField_IsAcceptedAndKeepsTheUserOnOneVariant()
    {
        foreach (var user in new[] { "u1", "u2", "u3", "u4", "u5", "u6" })
        {
            var variants = new HashSet<string?>();
            for (var i = 0; i < 4; i++)
            {
                var record = Record();
                record["user_id"] = user;
                var (status, body) = await Oip.SendAsync(server.Http, "/api/v1/deployments/by-field/predict", Request(record));
                Assert.Equal(200, status);
                variants.Add((string?)body!["variant"]);
            }

            Assert.Single(variants);
        }
    }

    public static TheoryData<string, string, int, string, string> BadCases => new()
    {
        { "weather", Request(Without("wind")).ToJsonString(), 400, "INVALID_PARAMETER_VALUE", "Record 0 is missing input 'wind'" },
        { "weather", Request(With("user_id", "x")).ToJsonString(), 400, "INVALID_PARAMETER_VALUE", "Record 0 field 'user_id' is not an input" },
        { "weather", Request(With("wind", "windy")).ToJsonString(), 400, "INVALID_PARAMETER_VALUE", "Record 0 field 'wind' is the string \"windy\"" },
        { "weather", Request(Record(), With("temp_max", null)).ToJsonString(), 400, "INVALID_PARAMETER_VALUE", "Record 1 field 'temp_max' is null" },
        { "weather", "{\"records\": []}", 400, "INVALID_PARAMETER_VALUE", "'records' is empty" },
        { "weather", "{\"records\": [1]}", 400, "INVALID_PARAMETER_VALUE", "Record 0 must be an object" },
        { "weather", "{\"top_k\": 1}", 400, "INVALID_PARAMETER_VALUE", "'records'" },
        { "weather", "{\"records\": [{}], \"top_k\": 0}", 400, "INVALID_PARAMETER_VALUE", "'top_k' must be an integer of at least 1" },
        { "weather", "{\"records\": [{}], \"min_confidence\": 2}", 400, "INVALID_PARAMETER_VALUE", "'min_confidence' must be a number between 0 and 1" },
        { "weather", "{\"records\": [{}], \"topk\": 2}", 400, "INVALID_PARAMETER_VALUE", "Unknown field 'topk'" },
        { "weather", "{\"records\": [", 400, "BAD_REQUEST", "Malformed JSON" },
        { "nope", Request(Record()).ToJsonString(), 404, "RESOURCE_DOES_NOT_EXIST", "Deployment 'nope' does not exist" },
        { "paused", Request(Record()).ToJsonString(), 503, "TEMPORARILY_UNAVAILABLE", "Deployment 'paused' is paused" },
    };

    [Theory]
    [MemberData(nameof(BadCases))]
    public async Task Predict_BadRequest_IsAnErrorNamingTheFieldAndRule(string deployment, string body, int status, string code, string message)
    {
        using var response = await Oip.PostAsync(server.Http, $"/api/v1/deployments/{deployment}/predict", body);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, (string?)error["error_code"]);
        Assert.Contains(message, (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_BodyOver4MB_Is413()
    {
        var huge = "{\"records\": [{\"date\": \"" + new string('x', 5 * 1024 * 1024) + "\"}]}";

        using var response = await Oip.PostAsync(server.Http, "/api/v1/deployments/weather/predict", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("REQUEST_LIMIT_EXCEEDED", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error_code"]);
    }

    private static JsonObject Without(string field)
    {
        var record = Record();
        record.Remove(field);
        return record;
    }

    private static JsonObject With(string field, JsonNode? value)
    {
        var record = Record();
        record[field] = value;
        return record;
    }
}
