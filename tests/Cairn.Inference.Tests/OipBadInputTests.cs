using System.Net;
using System.Text.Json.Nodes;
using Cairn.Inference.Tests.Support;

namespace Cairn.Inference.Tests;

/// <summary>Every way a request can be wrong is a 4xx with <c>{"error"}</c> naming the input and the rule — never a 5xx.</summary>
[Collection(InferenceServerCollection.Name)]
public sealed class OipBadInputTests(InferenceServerFixture server)
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "missing feature", Without("wind"), "Input 'wind' is missing" },
        { "extra feature", With(Oip.Input("humidity", "FP64", new JsonArray(0.5))), "Input 'humidity' is not an input of the model" },
        { "duplicate input", With(Oip.Input("wind", "FP64", new JsonArray(1.0))), "Input 'wind' is given twice" },
        { "wrong datatype", Replace(Oip.Input("wind", "BYTES", new JsonArray("3.2"))), "Input 'wind' has datatype BYTES" },
        { "unknown datatype", Replace(Oip.Input("wind", "FLOAT", new JsonArray(3.2))), "Datatype 'FLOAT' is not an OIP datatype" },
        { "string in FP64 data", Replace(Oip.Input("wind", "FP64", new JsonArray("fast"))), "Input 'wind' element 0 is the string \"fast\"" },
        { "fraction in INT64 data", Replace(Oip.Input("temp_min", "INT64", new JsonArray(1.5))), "Input 'temp_min' element 0 is 1.5, which is not an integer" },
        { "number for BYTES date", Replace(Oip.Input("date", "BYTES", new JsonArray(20150601))), "Input 'date' element 0 is the number 20150601" },
        { "unparsable date", Replace(Oip.Input("date", "BYTES", new JsonArray("yesterday"))), "Input 'date' element 0 is 'yesterday', which is not a date" },
        { "null where not nullable", Replace(Oip.Input("wind", "FP64", new JsonArray((JsonNode?)null))), "Input 'wind' element 0 is null, but input 'wind' does not accept missing values" },
        { "matrix shape", Replace(Oip.Input("wind", "FP64", new JsonArray(1.0, 2.0), 1, 2)), "Input 'wind' has shape [1, 2]; a feature column must have shape [N] or [N, 1]" },
        { "rank 3 shape", Replace(Oip.Input("wind", "FP64", new JsonArray(1.0), 1, 1, 1)), "Input 'wind' has shape [1, 1, ...] (rank 3)" },
        { "more data than shape", Replace(Oip.Input("wind", "FP64", new JsonArray(1.0, 2.0), 1)), "Input 'wind' has shape [1] but 2 data element(s)" },
        { "less data than shape", ReplaceAll(2, data: 1), "Input 'date' has shape [2] but 1 data element(s)" },
        { "rows differ", ReplaceAll(2), "has shape[0] = 2 but input" },
        { "no shape", Replace(new JsonObject { ["name"] = "wind", ["datatype"] = "FP64", ["data"] = new JsonArray(1.0) }), "Input 'wind' has no 'shape'" },
        { "no name", Replace(new JsonObject { ["shape"] = new JsonArray(1), ["datatype"] = "FP64", ["data"] = new JsonArray(1.0) }), "Every input needs a 'name'" },
        { "data not an array", Replace(new JsonObject { ["name"] = "wind", ["shape"] = new JsonArray(1), ["datatype"] = "FP64", ["data"] = 1.0 }), "Input 'wind': 'data' must be an array" },
        { "no inputs", "{\"id\": \"x\"}", "Missing value for required field 'inputs'" },
        { "inputs not an array", "{\"inputs\": {}}", "'inputs' must be an array" },
        { "id not a string", "{\"id\": 7, \"inputs\": []}", "'id' must be a string" },
        { "unsupported content type", Mutate(r => r["parameters"] = new JsonObject { ["content_type"] = "base64" }), "Parameter 'content_type' must be \"pd\"" },
        { "unknown output", Mutate(r => r["outputs"] = new JsonArray(new JsonObject { ["name"] = "logits" })), "Output 'logits' does not exist" },
        { "malformed JSON", "{\"inputs\": [", "Malformed JSON" },
        { "not JSON at all", "hello", "Malformed JSON" },
        { "JSON array body", "[1, 2]", "must be a JSON object" },
        { "zero rows", ReplaceAllEmpty(), "no rows" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Infer_BadInput_Is400NamingTheInputAndRule(string name, string body, string expected)
    {
        using var response = await Oip.PostAsync(server.Http, "/v2/models/weather/infer", body);
        var error = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"];

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {error}");
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Infer_BodyOver4MB_Is413()
    {
        var huge = "{\"inputs\": [], \"pad\": \"" + new string('x', 5 * 1024 * 1024) + "\"}";

        using var response = await Oip.PostAsync(server.Http, "/v2/models/weather/infer", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("inference limit", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]);
    }

    [Fact]
    public async Task Infer_NullableFeatureGivenNull_IsNotRejectedForThatReason()
    {
        // Every feature of the seattle model is non-nullable; the rule is checked against the signature, so
        // the same null for an unknown feature name fails as "not an input", not as "null".
        var body = With(Oip.Input("humidity", "FP64", new JsonArray((JsonNode?)null)));

        using var response = await Oip.PostAsync(server.Http, "/v2/models/weather/infer", body);

        Assert.Contains("not an input", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Mutate(Action<JsonObject> change)
    {
        var request = Oip.Row();
        change(request);
        return request.ToJsonString();
    }

    private static string Without(string input) => Mutate(r =>
    {
        var inputs = r["inputs"]!.AsArray();
        inputs.Remove(inputs.Single(i => (string?)i!["name"] == input));
    });

    private static string With(JsonObject input) => Mutate(r => r["inputs"]!.AsArray().Add(input));

    private static string Replace(JsonObject input) => Mutate(r =>
    {
        var inputs = r["inputs"]!.AsArray();
        var name = (string?)input["name"] ?? "wind";
        inputs.Remove(inputs.Single(i => (string?)i!["name"] == name));
        inputs.Add(input);
    });

    private static string ReplaceAll(int rows, int? data = null) => Mutate(r =>
    {
        var inputs = r["inputs"]!.AsArray();
        if (data is { } count)
        {
            // Every input says [rows]; the first carries fewer elements.
            foreach (var input in inputs)
            {
                input!["shape"] = new JsonArray(rows);
                var values = input["data"]!.AsArray();
                while (values.Count < rows)
                {
                    values.Add(values[0]!.DeepClone());
                }
            }

            var date = inputs.Single(i => (string?)i!["name"] == "date")!["data"]!.AsArray();
            while (date.Count > count)
            {
                date.RemoveAt(date.Count - 1);
            }

            return;
        }

        var wind = inputs.Single(i => (string?)i!["name"] == "wind")!;
        inputs.Remove(wind);
        inputs.Add(Oip.Input("wind", "FP64", new JsonArray([.. Enumerable.Range(0, rows).Select(_ => (JsonNode?)JsonValue.Create(1.0))])));
    });

    private static string ReplaceAllEmpty() => Mutate(r =>
    {
        var inputs = new JsonArray();
        foreach (var (name, datatype) in new[] { ("date", "BYTES"), ("precipitation", "FP64"), ("temp_max", "FP64"), ("temp_min", "FP64"), ("wind", "FP64") })
        {
            inputs.Add(Oip.Input(name, datatype, [], 0));
        }

        r["inputs"] = inputs;
    });
}
