using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Cairn.Inference.Tests.Support;

/// <summary>Builds OIP request bodies and sends raw JSON.</summary>
public static class Oip
{
    /// <summary>A one-row pd request for the seattle-weather model.</summary>
    public static JsonObject Row(string? id = null, double precipitation = 0.0, double tempMax = 25.0, string date = "2015-06-01", double tempMin = 12.0, double wind = 3.2)
    {
        var request = new JsonObject
        {
            ["parameters"] = new JsonObject { ["content_type"] = "pd" },
            ["inputs"] = new JsonArray
            {
                Input("date", "BYTES", new JsonArray(date)),
                Input("precipitation", "FP64", new JsonArray(precipitation)),
                Input("temp_max", "FP64", new JsonArray(tempMax)),
                Input("temp_min", "FP32", new JsonArray(tempMin)),
                Input("wind", "FP64", new JsonArray(wind)),
            },
        };
        if (id is not null)
        {
            request["id"] = id;
        }

        return request;
    }

    public static JsonObject Input(string name, string datatype, JsonArray data, params int[] shape) => new()
    {
        ["name"] = name,
        ["shape"] = new JsonArray([.. (shape.Length == 0 ? [data.Count] : shape).Select(d => (JsonNode)d)]),
        ["datatype"] = datatype,
        ["data"] = data,
    };

    public static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string json, string? header = null, string? value = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (header is not null)
        {
            message.Headers.TryAddWithoutValidation(header, value);
        }

        return http.SendAsync(message);
    }

    public static async Task<(int Status, JsonNode? Body)> SendAsync(HttpClient http, string path, JsonNode body, string? header = null, string? value = null)
    {
        using var response = await PostAsync(http, path, body.ToJsonString(), header, value);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(new MediaTypeHeaderValue("application/json").MediaType, response.Content.Headers.ContentType?.MediaType);
        return ((int)response.StatusCode, JsonNode.Parse(text));
    }

    public static JsonNode Output(JsonNode response, string name) =>
        response["outputs"]!.AsArray().Single(o => (string?)o!["name"] == name)!;
}
