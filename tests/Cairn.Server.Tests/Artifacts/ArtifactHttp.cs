using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cairn.Testing;

namespace Cairn.Server.Tests.Artifacts;

/// <summary>Artifact proxy calls as the MLflow client makes them: raw bytes up, raw bytes down, JSON listings.</summary>
internal static class ArtifactHttp
{
    public const string Proxy = "/api/2.0/mlflow-artifacts/";

    public static async Task PutOkAsync(this HttpClient http, string path, string text, string contentType = "text/plain") =>
        await http.PutOkAsync(path, Encoding.UTF8.GetBytes(text), contentType);

    public static async Task PutOkAsync(this HttpClient http, string path, byte[] bytes, string contentType = "application/octet-stream")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await http.PutAsync(Proxy + "artifacts/" + path, content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"PUT {path} answered {(int)response.StatusCode}: {body}");
        Assert.Equal("{}", body);
    }

    public static async Task<JsonElement> ListOkAsync(this HttpClient http, string path, string prefix = Proxy)
    {
        var (status, body) = await MlflowHttpExtensions.ParseAsync(await http.GetAsync($"{prefix}artifacts?path={Uri.EscapeDataString(path)}"));
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        return body;
    }

    /// <summary>A unique experiment/run-shaped store path, so tests sharing one server never collide.</summary>
    public static string NewRoot() => $"9{Random.Shared.Next(100000)}/{Guid.NewGuid():N}/artifacts";

    /// <summary>The JSON text of an element with no whitespace, to compare shapes exactly.</summary>
    public static string Compact(this JsonElement element) => JsonSerializer.Serialize(element);
}
