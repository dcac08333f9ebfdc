using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Cairn.Server.Tests.BadInput;

/// <summary>
/// Raw MLflow REST calls for tests that send what a well-behaved client never would: bodies are strings
/// or JSON nodes, not DTOs, so a test controls every byte. Helpers set up the data a test then attacks.
/// </summary>
public sealed class MlflowApi(HttpClient http)
{
    public const string Prefix = "/api/2.0/mlflow/";
    public const string ArtifactsPrefix = "/api/2.0/mlflow-artifacts/artifacts";

    public HttpClient Http => http;

    public Task<HttpResponseMessage> PostAsync(string route, string body, string? contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return http.PostAsync(new Uri(Prefix + route, UriKind.Relative), content);
    }

    public Task<HttpResponseMessage> PostAsync(string route, JsonNode body) => PostAsync(route, body.ToJsonString());

    public Task<HttpResponseMessage> GetAsync(string routeAndQuery) =>
        http.GetAsync(new Uri(routeAndQuery.StartsWith('/') ? routeAndQuery : Prefix + routeAndQuery, UriKind.Relative));

    /// <summary>Sends a request whose path and query are kept exactly as written (no dot-segment or escape clean-up on our side).</summary>
    public Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string rawPathAndQuery, HttpContent? content = null)
    {
        var uri = new Uri(http.BaseAddress!.GetLeftPart(UriPartial.Authority) + rawPathAndQuery, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var request = new HttpRequestMessage(method, uri) { Content = content };
        return http.SendAsync(request);
    }

    public async Task<JsonNode> PostOkAsync(string route, JsonNode body)
    {
        using var response = await PostAsync(route, body);
        return await MlflowAssert.OkAsync(response);
    }

    public async Task<JsonNode> GetOkAsync(string routeAndQuery)
    {
        using var response = await GetAsync(routeAndQuery);
        return await MlflowAssert.OkAsync(response);
    }

    public async Task<string> CreateExperimentAsync(string? name = null)
    {
        var created = await PostOkAsync("experiments/create", new JsonObject { ["name"] = name ?? UniqueName("bad-input") });
        return (string)created["experiment_id"]!;
    }

    public async Task<string> CreateRunAsync(string experimentId)
    {
        var created = await PostOkAsync("runs/create", new JsonObject
        {
            ["experiment_id"] = experimentId,
            ["user_id"] = "tester",
            ["start_time"] = 1_700_000_000_000,
        });
        return (string)created["run"]!["info"]!["run_id"]!;
    }

    /// <summary>A run in a fresh experiment; returns both ids.</summary>
    public async Task<(string ExperimentId, string RunId)> CreateExperimentAndRunAsync()
    {
        var experimentId = await CreateExperimentAsync();
        return (experimentId, await CreateRunAsync(experimentId));
    }

    public Task<JsonNode> GetRunAsync(string runId) => GetOkAsync($"runs/get?run_id={runId}");

    /// <summary>key → value of run.data.{params|tags}; an absent list is empty (proto JSON omits empty lists).</summary>
    public static Dictionary<string, string> KeyValues(JsonNode run, string list) =>
        run["run"]?["data"]?[list]?.AsArray().ToDictionary(p => (string)p!["key"]!, p => (string)p!["value"]!)
        ?? [];

    /// <summary>key → value of run.data.metrics (the latest value per key); "NaN" and "±Infinity" arrive as strings.</summary>
    public static Dictionary<string, double> Metrics(JsonNode run) =>
        run["run"]?["data"]?["metrics"]?.AsArray().ToDictionary(m => (string)m!["key"]!, m => Number(m!["value"]!))
        ?? [];

    private static double Number(JsonNode value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text)
            ? double.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)
            : (double)value;

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static JsonObject Metric(string key, double value, long step = 0) =>
        new() { ["key"] = key, ["value"] = value, ["timestamp"] = 1_700_000_000_000 + step, ["step"] = step };

    public static JsonObject KeyValue(string key, string value) => new() { ["key"] = key, ["value"] = value };

    public static JsonArray Array(IEnumerable<JsonNode> items) => new(items.ToArray());
}
