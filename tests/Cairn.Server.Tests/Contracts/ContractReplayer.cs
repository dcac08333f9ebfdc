using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cairn.Server.Tests.Contracts;

/// <summary>
/// Replays a recording against a server, in order, rewriting ids with an <see cref="IdMap"/> learned from
/// the responses so far, and compares each response with the recorded one: status, error_code on errors,
/// the JSON shape on success, and the bytes of artifact downloads.
/// </summary>
public sealed class ContractReplayer(HttpClient http)
{
    // Headers that belong to the recorded connection, not to the request message.
    private static readonly HashSet<string> SkippedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Content-Type", "Connection", "Accept-Encoding", "Transfer-Encoding",
    };

    private static readonly TimeSpan ExchangeTimeout = TimeSpan.FromSeconds(30);

    public IdMap Ids { get; } = new();

    public async Task<IReadOnlyList<ExchangeOutcome>> ReplayAsync(string file, IReadOnlyList<RecordedExchange> exchanges, CancellationToken cancellationToken)
    {
        var uploads = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var outcomes = new List<ExchangeOutcome>(exchanges.Count);
        foreach (var exchange in exchanges)
        {
            outcomes.Add(await ReplayOneAsync(file, exchange, uploads, cancellationToken));
        }

        return outcomes;
    }

    private async Task<ExchangeOutcome> ReplayOneAsync(string file, RecordedExchange recorded, Dictionary<string, byte[]> uploads, CancellationToken cancellationToken)
    {
        var pathAndQuery = Ids.MapPathAndQuery(recorded.PathAndQuery);
        var body = recorded.IsArtifactUpload ? recorded.RequestBytes() : Encoding.UTF8.GetBytes(Ids.MapJsonBody(recorded.RequestBody));
        var sentBody = recorded.IsArtifactUpload ? $"<{body.Length} bytes>" : Encoding.UTF8.GetString(body);

        using var request = new HttpRequestMessage(new HttpMethod(recorded.Method), Absolute(pathAndQuery));
        foreach (var (name, value) in recorded.RequestHeaders)
        {
            if (!SkippedHeaders.Contains(name))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (recorded.RequestBody.Length > 0 || recorded.RequestContentType is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (recorded.RequestContentType is { } contentType)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        byte[] responseBytes;
        int status;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ExchangeTimeout); // a hung endpoint fails its exchange instead of the whole run
        try
        {
            using var response = await http.SendAsync(request, deadline.Token);
            status = (int)response.StatusCode;
            responseBytes = await response.Content.ReadAsByteArrayAsync(deadline.Token);
        }
        catch (HttpRequestException e)
        {
            return new ExchangeOutcome(file, recorded, pathAndQuery, sentBody, 0, "", [$"request failed: {e.Message}"]);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ExchangeOutcome(file, recorded, pathAndQuery, sentBody, 0, "", [$"no response within {ExchangeTimeout.TotalSeconds:0} s"]);
        }

        if (recorded.IsArtifactUpload && status == 200)
        {
            uploads[pathAndQuery] = body;
        }

        var responseText = recorded.IsArtifactDownload && status == 200 ? $"<{responseBytes.Length} bytes>" : Encoding.UTF8.GetString(responseBytes);
        var mismatches = new List<string>();
        if (status != recorded.Status)
        {
            mismatches.Add($"status: recorded {recorded.Status}, got {status}");
        }
        else if (recorded.IsArtifactDownload && status == 200)
        {
            CompareDownload(recorded, uploads.GetValueOrDefault(pathAndQuery), responseBytes, mismatches);
        }
        else
        {
            CompareJson(recorded, responseText, mismatches);
        }

        return new ExchangeOutcome(file, recorded, pathAndQuery, sentBody, status, responseText, mismatches);
    }

    private void CompareJson(RecordedExchange recorded, string responseText, List<string> mismatches)
    {
        JsonNode? expected;
        try
        {
            expected = TruncatedJson.Parse(recorded.ResponseBody);
        }
        catch (JsonException)
        {
            return; // the recorded body is not JSON (an HTML error page): the status is all there is to compare
        }

        JsonNode? actual;
        try
        {
            actual = responseText.Length == 0 ? new JsonObject() : JsonNode.Parse(responseText); // the client reads an empty 200 as {}
        }
        catch (JsonException e)
        {
            mismatches.Add($"response is not JSON: {e.Message}");
            return;
        }

        if (recorded.Status >= 400)
        {
            CompareError(expected, actual, mismatches);
            return;
        }

        mismatches.AddRange(JsonShape.Compare(expected, actual));

        // Learn even from an imperfect response: one missing field must not turn every later exchange into a 404.
        Ids.Learn(expected, actual);
    }

    /// <summary>The client reads error_code and message; sqlstate and error_class are optional.</summary>
    private static void CompareError(JsonNode? expected, JsonNode? actual, List<string> mismatches)
    {
        var expectedCode = expected?["error_code"]?.GetValue<string>();
        var actualCode = actual is JsonObject ? actual["error_code"] : null;
        if (JsonShape.KindOf(actualCode) != "string" || actualCode!.GetValue<string>() != expectedCode)
        {
            mismatches.Add($"error_code: recorded {expectedCode}, got {JsonShape.Excerpt(actualCode)}");
        }

        if (JsonShape.KindOf(actual is JsonObject ? actual["message"] : null) != "string")
        {
            mismatches.Add("message: missing or not a string");
        }
    }

    private static void CompareDownload(RecordedExchange recorded, byte[]? uploaded, byte[] actual, List<string> mismatches)
    {
        // What we uploaded in this replay is the truth; otherwise the recorded body (a prefix if it was cut).
        var expected = uploaded
            ?? (RecordedExchange.BinaryLength(recorded.ResponseBody) is { } n
                ? RecordedExchange.DeterministicBytes(n)
                : Encoding.UTF8.GetBytes(TruncatedJson.IsTruncated(recorded.ResponseBody)
                    ? recorded.ResponseBody[..recorded.ResponseBody.LastIndexOf("...<+", StringComparison.Ordinal)]
                    : recorded.ResponseBody));
        var prefixOnly = uploaded is null && TruncatedJson.IsTruncated(recorded.ResponseBody);
        var same = prefixOnly ? actual.AsSpan().StartsWith(expected) : actual.AsSpan().SequenceEqual(expected);
        if (!same)
        {
            var at = 0;
            while (at < Math.Min(expected.Length, actual.Length) && expected[at] == actual[at])
            {
                at++;
            }

            mismatches.Add($"download bytes differ: expected {expected.Length} bytes, got {actual.Length}; first difference at byte {at}");
        }
    }

    /// <summary>The recorded path and query exactly as recorded (no canonicalisation of escapes or dot segments).</summary>
    private Uri Absolute(string pathAndQuery) =>
        new(http.BaseAddress!.GetLeftPart(UriPartial.Authority) + pathAndQuery, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
}
