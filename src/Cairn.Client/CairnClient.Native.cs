using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Cairn.Client;

/// <summary>Shared plumbing of Cairn's native <c>/api/v1</c> calls (datasets, pipelines, ...).</summary>
public sealed partial class CairnClient
{
    private async Task<T> GetNativeAsync<T>(string route, JsonTypeInfo<T> info, CancellationToken cancellationToken)
    {
        var uri = Resolve(route);
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), HttpCompletionOption.ResponseContentRead, canRetry: true, cancellationToken);
        return await ReadAsync(response, info, cancellationToken);
    }

    private async Task<TResponse> SendNativeAsync<TRequest, TResponse>(
        HttpMethod method, string route, TRequest body, JsonTypeInfo<TRequest>? requestInfo, JsonTypeInfo<TResponse> responseInfo, bool canRetry, CancellationToken cancellationToken)
    {
        var bytes = requestInfo is null ? [] : JsonSerializer.SerializeToUtf8Bytes(body, requestInfo);
        var uri = Resolve(route);
        using var response = await SendAsync(
            () => new HttpRequestMessage(method, uri) { Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } } },
            HttpCompletionOption.ResponseContentRead,
            canRetry,
            cancellationToken);
        return await ReadAsync(response, responseInfo, cancellationToken);
    }
}
