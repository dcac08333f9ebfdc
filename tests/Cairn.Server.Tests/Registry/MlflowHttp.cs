using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Cairn.Server.Tests.Registry;

/// <summary>
/// Sends requests the way the MLflow Python client does: GET with the message in the query string,
/// POST/PATCH/DELETE with a JSON body and Content-Type application/json. Bodies are anonymous objects
/// with snake_case members, serialized as they are.
/// </summary>
public static class MlflowHttp
{
    public const string Api = "/api/2.0/mlflow/";

    public static Task<ApiResponse> GetJsonAsync(this HttpClient http, string path, params (string Key, string Value)[] query)
    {
        var queryString = string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        return SendMlflowAsync(http, new HttpRequestMessage(HttpMethod.Get, Api + path + (queryString.Length > 0 ? "?" + queryString : string.Empty)));
    }

    public static Task<ApiResponse> PostJsonAsync(this HttpClient http, string path, object body) => SendJsonAsync(http, HttpMethod.Post, path, Json(body));

    public static Task<ApiResponse> PatchJsonAsync(this HttpClient http, string path, object body) => SendJsonAsync(http, HttpMethod.Patch, path, Json(body));

    public static Task<ApiResponse> DeleteJsonAsync(this HttpClient http, string path, object body) => SendJsonAsync(http, HttpMethod.Delete, path, Json(body));

    public static Task<ApiResponse> SendJsonAsync(this HttpClient http, HttpMethod method, string path, string json) =>
        SendMlflowAsync(http, new HttpRequestMessage(method, Api + path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    public static async Task<ApiResponse> SendMlflowAsync(this HttpClient http, HttpRequestMessage request)
    {
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("mlflow-python-client", "3.11.2"));
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(text).RootElement.Clone();
        return new ApiResponse(response.StatusCode, body);
    }

    private static string Json(object body) => JsonSerializer.Serialize(body);
}
