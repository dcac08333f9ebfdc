using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cairn.Client.Internal;
using Cairn.Contracts.Mlflow;

namespace Cairn.Client;

public sealed partial class CairnClient
{
    private const string Api = "api/2.0/mlflow/";

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private Uri Resolve(string relative) => new(ServerUri, relative);

    private async Task<TResponse> GetAsync<TResponse>(string route, QueryString query, JsonTypeInfo<TResponse> info, CancellationToken cancellationToken)
    {
        var uri = Resolve(Api + route + query);
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), HttpCompletionOption.ResponseContentRead, canRetry: true, cancellationToken);
        return await ReadAsync(response, info, cancellationToken);
    }

    private async Task<TResponse> SendJsonAsync<TRequest, TResponse>(
        HttpMethod method, string route, TRequest body, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TResponse> responseInfo, CancellationToken cancellationToken)
    {
        using var response = await SendJsonAsync(method, route, body, requestInfo, cancellationToken);
        return await ReadAsync(response, responseInfo, cancellationToken);
    }

    private async Task SendJsonNoResultAsync<TRequest>(HttpMethod method, string route, TRequest body, JsonTypeInfo<TRequest> requestInfo, CancellationToken cancellationToken)
    {
        using var response = await SendJsonAsync(method, route, body, requestInfo, cancellationToken);
    }

    private Task<HttpResponseMessage> SendJsonAsync<TRequest>(HttpMethod method, string route, TRequest body, JsonTypeInfo<TRequest> requestInfo, CancellationToken cancellationToken)
    {
        // Serialized once up front: the body gets a Content-Length (no chunking) and can be re-sent on a retry.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, requestInfo);
        var uri = Resolve(Api + route);
        return SendAsync(
            () => new HttpRequestMessage(method, uri) { Content = new ByteArrayContent(bytes) { Headers = { ContentType = JsonMediaType } } },
            HttpCompletionOption.ResponseContentRead,
            canRetry: true,
            cancellationToken);
    }

    /// <summary>Sends a request built by <paramref name="createRequest"/> (once per attempt) and returns a success answer.</summary>
    private async Task<HttpResponseMessage> SendAsync(
        Func<HttpRequestMessage> createRequest, HttpCompletionOption completion, bool canRetry, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            using (var request = createRequest())
            {
                response = await _http.SendAsync(request, completion, cancellationToken);
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                if (canRetry && attempt < Options.MaxRetries && RetryPolicy.IsRetryable(response.StatusCode))
                {
                    var delay = RetryPolicy.GetDelay(response.Headers.RetryAfter, attempt, Options, Time.GetUtcNow(), Random.Shared.NextDouble());
                    response.Dispose();
                    await Task.Delay(delay, Time, cancellationToken);
                    continue;
                }

                throw await ErrorFromAsync(response, cancellationToken);
            }
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> info, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        try
        {
            // MLflow treats an empty 200 body as "{}".
            return (bytes.Length == 0 ? JsonSerializer.Deserialize("{}"u8, info) : JsonSerializer.Deserialize(bytes, info))
                ?? throw new JsonException("The body is JSON null.");
        }
        catch (JsonException e)
        {
            throw new CairnApiException(
                response.StatusCode,
                "INVALID_RESPONSE",
                $"The server's answer to {Describe(response)} is not the expected JSON: {e.Message}",
                response.RequestMessage?.Method.Method,
                response.RequestMessage?.RequestUri);
        }
    }

    private static async Task<CairnApiException> ErrorFromAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        string? code = null;
        string? message = null;
        if (text.TrimStart().StartsWith('{'))
        {
            try
            {
                var error = JsonSerializer.Deserialize(text, MlflowJsonContext.Default.ErrorResponse);
                code = error?.ErrorCode;
                message = error?.Message;
            }
            catch (JsonException)
            {
                // Not MLflow's error shape (e.g. a proxy's page): fall back to the status below.
            }
        }

        code ??= CodeForStatus(response.StatusCode);
        if (string.IsNullOrWhiteSpace(message))
        {
            var body = text.Trim();
            message = body.Length is > 0 and <= 500 && !body.StartsWith('<')
                ? body
                : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase} from {Describe(response)}";
        }

        return new CairnApiException(response.StatusCode, code, message, response.RequestMessage?.Method.Method, response.RequestMessage?.RequestUri);
    }

    /// <summary>The code MLflow's client assumes for an error without a JSON body.</summary>
    private static string CodeForStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => "BAD_REQUEST",
        HttpStatusCode.Unauthorized => "UNAUTHENTICATED",
        HttpStatusCode.Forbidden => "PERMISSION_DENIED",
        HttpStatusCode.NotFound => "ENDPOINT_NOT_FOUND",
        HttpStatusCode.MethodNotAllowed => "ENDPOINT_NOT_FOUND",
        HttpStatusCode.Conflict => "RESOURCE_CONFLICT",
        HttpStatusCode.TooManyRequests => "REQUEST_LIMIT_EXCEEDED",
        HttpStatusCode.NotImplemented => "NOT_IMPLEMENTED",
        HttpStatusCode.ServiceUnavailable => "TEMPORARILY_UNAVAILABLE",
        HttpStatusCode.GatewayTimeout => "DEADLINE_EXCEEDED",
        _ => "INTERNAL_ERROR",
    };

    private static string Describe(HttpResponseMessage response) =>
        response.RequestMessage is { } request ? $"{request.Method} {request.RequestUri?.AbsolutePath}" : "the request";
}
