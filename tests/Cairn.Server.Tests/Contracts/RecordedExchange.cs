using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cairn.Server.Tests.Contracts;

/// <summary>
/// One recorded HTTP exchange between the real MLflow client and the real MLflow server (a line of
/// Contracts/Recordings/*.jsonl). Bodies longer than the recorder's limit end in "...&lt;+N&gt;", and binary
/// request bodies are summarised as "&lt;N bytes binary&gt;".
/// </summary>
public sealed partial record RecordedExchange(
    int Index,
    string Method,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> RequestHeaders,
    string RequestBody,
    int Status,
    IReadOnlyDictionary<string, string> ResponseHeaders,
    string ResponseBody)
{
    public const string ArtifactsPrefix = "/api/2.0/mlflow-artifacts/artifacts";

    public string Path => PathAndQuery.Split('?', 2)[0];

    public string? RequestContentType => Header(RequestHeaders, "Content-Type");

    public string? ResponseContentType => Header(ResponseHeaders, "Content-Type");

    /// <summary>A raw artifact download: GET mlflow-artifacts/artifacts/&lt;path&gt; (not the listing).</summary>
    public bool IsArtifactDownload => Method == "GET" && Path.StartsWith(ArtifactsPrefix + "/", StringComparison.Ordinal);

    /// <summary>A raw artifact upload: the body is the file, not a JSON message.</summary>
    public bool IsArtifactUpload => Method == "PUT" && Path.StartsWith(ArtifactsPrefix + "/", StringComparison.Ordinal);

    /// <summary>"POST runs/create" style title for test names and messages.</summary>
    public string Title
    {
        get
        {
            var path = Path.Replace("/api/2.0/mlflow/", "", StringComparison.Ordinal)
                .Replace("/api/2.0/mlflow-artifacts/", "mlflow-artifacts/", StringComparison.Ordinal);
            // xunit clips string arguments at 50 characters; keep the informative end of a long path.
            return $"{Method} {(path.Length > 40 ? "…" + path[^39..] : path)}";
        }
    }

    /// <summary>The byte count of a body summarised as "&lt;N bytes binary&gt;", or null for a real body.</summary>
    public static int? BinaryLength(string body) =>
        BinaryBody().Match(body) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>The same N bytes every time, standing in for a binary body the recorder did not keep.</summary>
    public static byte[] DeterministicBytes(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)(((i * 131) + 17) % 251);
        }

        return bytes;
    }

    /// <summary>The request body as sent: recorded text, or deterministic bytes for a binary summary.</summary>
    public byte[] RequestBytes() =>
        BinaryLength(RequestBody) is { } n ? DeterministicBytes(n) : System.Text.Encoding.UTF8.GetBytes(RequestBody);

    public static IReadOnlyList<RecordedExchange> Load(string file)
    {
        var exchanges = new List<RecordedExchange>();
        foreach (var line in File.ReadLines(file))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var e = doc.RootElement;
            exchanges.Add(new RecordedExchange(
                exchanges.Count,
                e.GetProperty("method").GetString()!,
                e.GetProperty("path").GetString()!,
                Headers(e, "req_headers"),
                e.GetProperty("req_body").GetString() ?? "",
                e.GetProperty("status").GetInt32(),
                Headers(e, "resp_headers"),
                e.GetProperty("resp_body").GetString() ?? ""));
        }

        return exchanges;
    }

    private static Dictionary<string, string> Headers(JsonElement exchange, string name)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (exchange.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in element.EnumerateObject())
            {
                headers[header.Name] = header.Value.GetString() ?? "";
            }
        }

        return headers;
    }

    private static string? Header(IReadOnlyDictionary<string, string> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value : null;

    [GeneratedRegex(@"^<(\d+) bytes binary>$")]
    private static partial Regex BinaryBody();
}
