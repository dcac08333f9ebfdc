using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cairn.Server.Tests.BadInput;

/// <summary>Assertions on MLflow responses: a bad request is a 4xx with the JSON error body {error_code, message}, never a 5xx.</summary>
public static class MlflowAssert
{
    public const string InvalidParameterValue = "INVALID_PARAMETER_VALUE";
    public const string ResourceDoesNotExist = "RESOURCE_DOES_NOT_EXIST";

    public static async Task<JsonNode> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{Describe(response)} expected 200, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body.Length == 0 ? "{}" : body)!;
    }

    /// <summary>
    /// Asserts the status and that the body is MLflow's JSON error with one of <paramref name="codes"/>
    /// (any code when none is given) and a message containing <paramref name="messageContains"/>.
    /// </summary>
    public static async Task<string> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? messageContains = null, params string[] codes)
    {
        var body = await response.Content.ReadAsStringAsync();
        var what = $"{Describe(response)} -> {(int)response.StatusCode}: {Clip(body)}";
        Assert.True((int)response.StatusCode < 500, $"a bad request must never be a 5xx: {what}");
        Assert.True(response.StatusCode == status, $"expected {(int)status}: {what}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"expected a JSON error body: {what}");

        JsonNode? error;
        try
        {
            error = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            error = null;
        }

        var code = error?["error_code"] is JsonValue c && c.TryGetValue<string>(out var s) ? s : null;
        var message = error?["message"] is JsonValue m && m.TryGetValue<string>(out var t) ? t : null;
        Assert.True(!string.IsNullOrEmpty(code), $"expected an error_code: {what}");
        Assert.True(message is not null, $"expected a message: {what}");
        if (codes.Length > 0)
        {
            Assert.True(codes.Contains(code), $"expected error_code {string.Join(" or ", codes)}: {what}");
        }

        if (messageContains is not null)
        {
            Assert.True(message!.Contains(messageContains, StringComparison.Ordinal), $"expected the message to contain \"{messageContains}\": {what}");
        }

        return message!;
    }

    public static Task<string> InvalidAsync(HttpResponseMessage response, string? messageContains = null) =>
        ErrorAsync(response, HttpStatusCode.BadRequest, messageContains, InvalidParameterValue);

    public static Task<string> NotFoundAsync(HttpResponseMessage response) =>
        ErrorAsync(response, HttpStatusCode.NotFound, null, ResourceDoesNotExist);

    private static string Describe(HttpResponseMessage response) =>
        $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}";

    private static string Clip(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
