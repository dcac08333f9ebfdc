using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cairn.Testing;

namespace Cairn.Server.Tests.Datasets;

/// <summary>Raw calls of the native datasets API: status plus parsed JSON.</summary>
internal static class DatasetsHttp
{
    public const string Api = "/api/v1/datasets";

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Datasets", "TestData", name);

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(this HttpClient http, string name, byte[] bytes, string query = "format=csv")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await MlflowHttpExtensions.ParseAsync(await http.PostAsync($"{Api}/{name}/versions?{query}", content));
    }

    public static Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(this HttpClient http, string name, string text, string query = "format=csv") =>
        http.UploadAsync(name, Encoding.UTF8.GetBytes(text), query);

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(this HttpClient http, string path) =>
        await MlflowHttpExtensions.ParseAsync(await http.GetAsync(Api + path));

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostJsonAsync(this HttpClient http, string path, string json) =>
        await MlflowHttpExtensions.ParseAsync(await http.PostAsync(Api + path, new StringContent(json, Encoding.UTF8, "application/json")));

    public static void AssertError(this (HttpStatusCode Status, JsonElement Body) response, HttpStatusCode status, string code, string messagePart)
    {
        Assert.Equal(status, response.Status);
        Assert.Equal(code, response.Body.GetProperty("error_code").GetString());
        Assert.Contains(messagePart, response.Body.GetProperty("message").GetString());
    }
}
