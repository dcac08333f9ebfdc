using System.Net.Http.Json;
using System.Text.Json;

namespace Cairn.Ui.Tests.Deployments;

/// <summary>Sends real traffic to the demo's <c>weather</c> deployment through the APIs a client would use.</summary>
internal static class WeatherTraffic
{
    public const string Deployment = "weather";

    /// <summary>One single-row OIP request (docs/serving.md); returns the echoed request id.</summary>
    public static async Task<string> InferAsync(HttpClient http, string requestId, double tempMax = 18.0)
    {
        var body = new
        {
            id = requestId,
            parameters = new { content_type = "pd" },
            inputs = new object[]
            {
                new { name = "date", shape = new[] { 1 }, datatype = "BYTES", data = new[] { "2015-06-01" } },
                new { name = "precipitation", shape = new[] { 1 }, datatype = "FP64", data = new[] { 0.0 } },
                new { name = "temp_max", shape = new[] { 1 }, datatype = "FP64", data = new[] { tempMax } },
                new { name = "temp_min", shape = new[] { 1 }, datatype = "FP64", data = new[] { 9.5 } },
                new { name = "wind", shape = new[] { 1 }, datatype = "FP64", data = new[] { 3.2 } },
            },
        };
        using var response = await http.PostAsJsonAsync($"/v2/models/{Deployment}/infer", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"infer answered {(int)response.StatusCode}: {text}");
        using var answer = JsonDocument.Parse(text);
        return answer.RootElement.GetProperty("id").GetString()!;
    }

    public static async Task FeedbackAsync(HttpClient http, string requestId, string actual)
    {
        using var response = await http.PostAsJsonAsync($"/api/v1/deployments/{Deployment}/feedback", new { request_id = requestId, actual });
        Assert.True(response.IsSuccessStatusCode, $"feedback answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Waits (polling with a deadline) until the prediction log shows the request: segments are written within a second.</summary>
    public static async Task WaitUntilLoggedAsync(HttpClient http, string requestId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var list = await UiSeed.GetJsonAsync(http, $"/api/v1/deployments/{Deployment}/predictions?max_results=200");
            if (list.GetProperty("predictions").EnumerateArray().Any(p => p.GetProperty("request_id").GetString() == requestId))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"request {requestId} did not reach the prediction log within 30 s");
            await Task.Delay(100);
        }
    }
}
