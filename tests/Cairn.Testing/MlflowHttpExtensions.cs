using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Cairn.Testing;

/// <summary>Raw MLflow REST calls for tests: a status and the parsed JSON body, nothing hidden.</summary>
public static class MlflowHttpExtensions
{
    public const string Api = "/api/2.0/mlflow/";

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostMlflowAsync(this HttpClient http, string path, object body) =>
        await ParseAsync(await http.PostAsJsonAsync(Api + path, body));

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostRawAsync(this HttpClient http, string path, string body, string contentType = "application/json") =>
        await ParseAsync(await http.PostAsync(Api + path, new StringContent(body, Encoding.UTF8, contentType)));

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetMlflowAsync(this HttpClient http, string pathAndQuery) =>
        await ParseAsync(await http.GetAsync(Api + pathAndQuery));

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendMlflowAsync(this HttpClient http, HttpMethod method, string path, object body) =>
        await ParseAsync(await http.SendAsync(new HttpRequestMessage(method, Api + path) { Content = JsonContent.Create(body) }));

    /// <summary>Posts and asserts 200, returning the body.</summary>
    public static async Task<JsonElement> PostOkAsync(this HttpClient http, string path, object body)
    {
        var (status, json) = await http.PostMlflowAsync(path, body);
        return status == HttpStatusCode.OK ? json : throw new InvalidOperationException($"POST {path} answered {(int)status}: {json}");
    }

    /// <summary>Gets and asserts 200, returning the body.</summary>
    public static async Task<JsonElement> GetOkAsync(this HttpClient http, string pathAndQuery)
    {
        var (status, json) = await http.GetMlflowAsync(pathAndQuery);
        return status == HttpStatusCode.OK ? json : throw new InvalidOperationException($"GET {pathAndQuery} answered {(int)status}: {json}");
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> ParseAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, json);
    }

    /// <summary>Creates an experiment with a unique name and a run in it; returns (experimentId, runId).</summary>
    public static async Task<(string ExperimentId, string RunId)> CreateRunAsync(this HttpClient http, string? experimentName = null)
    {
        var created = await http.PostOkAsync("experiments/create", new { name = experimentName ?? "exp-" + Guid.NewGuid().ToString("N") });
        var experimentId = created.GetProperty("experiment_id").GetString()!;
        var run = await http.PostOkAsync("runs/create", new { experiment_id = experimentId, start_time = 1_700_000_000_000L, user_id = "tester" });
        return (experimentId, run.GetProperty("run").GetProperty("info").GetProperty("run_id").GetString()!);
    }
}
