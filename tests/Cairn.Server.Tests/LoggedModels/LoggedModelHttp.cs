using System.Net;
using System.Text.Json;
using Cairn.Testing;

namespace Cairn.Server.Tests.LoggedModels;

/// <summary>Logged-model calls with the request shapes of the recorded MLflow 3.x client.</summary>
internal static class LoggedModelHttp
{
    public static async Task<string> CreateExperimentAsync(this HttpClient http) =>
        (await http.PostOkAsync("experiments/create", new { name = "lm-" + Guid.NewGuid().ToString("N") }))
            .GetProperty("experiment_id").GetString()!;

    /// <summary>Creates a logged model and returns its <c>info</c>.</summary>
    public static async Task<JsonElement> CreateModelAsync(this HttpClient http, object request) =>
        (await http.PostOkAsync("logged-models", request)).GetProperty("model").GetProperty("info");

    public static Task<(HttpStatusCode Status, JsonElement Body)> PatchAsync(this HttpClient http, string path, object body) =>
        http.SendMlflowAsync(HttpMethod.Patch, path, body);

    public static Task<(HttpStatusCode Status, JsonElement Body)> DeleteMlflowAsync(this HttpClient http, string path) =>
        http.SendMlflowAsync(HttpMethod.Delete, path, new { });

    public static async Task<JsonElement> SearchOkAsync(this HttpClient http, object request) =>
        await http.PostOkAsync("logged-models/search", request);

    public static string[] ModelNames(this JsonElement searchResponse) =>
        searchResponse.TryGetProperty("models", out var models)
            ? [.. models.EnumerateArray().Select(m => m.GetProperty("info").GetProperty("name").GetString()!)]
            : [];

    public static Dictionary<string, string> Tags(this JsonElement info) =>
        info.TryGetProperty("tags", out var tags)
            ? tags.EnumerateArray().ToDictionary(t => t.GetProperty("key").GetString()!, t => t.GetProperty("value").GetString()!)
            : [];
}
