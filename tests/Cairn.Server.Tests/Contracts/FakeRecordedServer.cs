using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Cairn.Server.Tests.Contracts;

/// <summary>
/// An in-memory stand-in for a server that behaves exactly like the recorded MLflow server but assigns
/// its own ids (other run and model hex ids, experiment ids + 10). Used to check the replay harness
/// itself: a faithful server must pass, and every request it gets must carry its ids, not the recorded ones.
/// </summary>
public sealed partial class FakeRecordedServer(IReadOnlyList<RecordedExchange> exchanges, Func<RecordedExchange, string, string>? tamper = null)
    : HttpMessageHandler
{
    private int _next;

    public List<string> Problems { get; } = [];

    public int Served => _next;

    /// <summary>Our id for a recorded 32-hex id: stable and different.</summary>
    public static string FakeHex(string recorded) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(recorded)));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var recorded = exchanges[_next++];
        var sentPath = request.RequestUri!.PathAndQuery;
        var sentBody = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Check(recorded, request.Method.Method, sentPath, sentBody);

        if (recorded.IsArtifactDownload && recorded.Status == 200)
        {
            var bytes = RecordedExchange.BinaryLength(recorded.ResponseBody) is { } n
                ? RecordedExchange.DeterministicBytes(n)
                : Encoding.UTF8.GetBytes(recorded.ResponseBody);
            return new HttpResponseMessage((HttpStatusCode)recorded.Status) { Content = new ByteArrayContent(bytes) };
        }

        // A body the recorder cut short is answered with the part that survived, as valid JSON.
        var body = TruncatedJson.IsTruncated(recorded.ResponseBody)
            ? TruncatedJson.Parse(recorded.ResponseBody)!.ToJsonString()
            : recorded.ResponseBody;
        body = tamper?.Invoke(recorded, WithOurIds(body)) ?? WithOurIds(body);
        return new HttpResponseMessage((HttpStatusCode)recorded.Status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }

    private static string WithOurIds(string text)
    {
        text = Hex().Replace(text, m => FakeHex(m.Value));
        text = ExperimentField().Replace(text, m => m.Groups[1].Value + FakeExperiment(m.Groups[2].Value) + "\"");
        return ArtifactUri().Replace(text, m => m.Groups[1].Value + FakeExperiment(m.Groups[2].Value));
    }

    private static string FakeExperiment(string id) => id == "0" ? "0" : (int.Parse(id, System.Globalization.CultureInfo.InvariantCulture) + 10).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void Check(RecordedExchange recorded, string method, string path, string body)
    {
        if (method != recorded.Method)
        {
            Problems.Add($"#{recorded.Index}: method {method}, recorded {recorded.Method}");
        }

        // Artifact files are sent as recorded (an MLmodel file may name the recorded model id).
        var checkedText = recorded.IsArtifactUpload ? path : path + " " + body;
        foreach (Match id in Hex().Matches(recorded.PathAndQuery + " " + recorded.RequestBody))
        {
            if (checkedText.Contains(id.Value, StringComparison.Ordinal))
            {
                Problems.Add($"#{recorded.Index}: sent the recorded id {id.Value}: {method} {path} {body}");
            }
        }

        if (path.StartsWith(RecordedExchange.ArtifactsPrefix + "/", StringComparison.Ordinal))
        {
            var experiment = path[(RecordedExchange.ArtifactsPrefix.Length + 1)..].Split('/')[0];
            if (int.Parse(experiment, System.Globalization.CultureInfo.InvariantCulture) < 10)
            {
                Problems.Add($"#{recorded.Index}: artifact path kept the recorded experiment id: {path}");
            }
        }

        foreach (Match field in ExperimentField().Matches(body))
        {
            if (field.Groups[2].Value != "0" && int.Parse(field.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) < 10)
            {
                Problems.Add($"#{recorded.Index}: body kept the recorded experiment id: {body}");
            }
        }
    }

    [GeneratedRegex("[0-9a-f]{32}")]
    private static partial Regex Hex();

    [GeneratedRegex("(\"experiment_id\":\\s*\")(\\d+)\"")]
    private static partial Regex ExperimentField();

    [GeneratedRegex(@"(mlflow-artifacts:/)(\d+)(?=/|$|"")")]
    private static partial Regex ArtifactUri();
}
