using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Cairn.Client.Tests.Fakes;

/// <summary>One request the fake server received.</summary>
public sealed record RecordedRequest(HttpMethod Method, string Path, string Query, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// A scripted MLflow server in-process: answers by route (path after /api/2.0/mlflow/), records every request
/// in arrival order. Unscripted routes answer <c>200 {}</c>.
/// </summary>
public sealed class FakeMlflowHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, Func<RecordedRequest, HttpResponseMessage>> _routes = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IEnumerable<RecordedRequest> To(string route) => Requests.Where(r => r.Path.EndsWith("/" + route, StringComparison.Ordinal));

    public FakeMlflowHandler On(string route, Func<RecordedRequest, HttpResponseMessage> answer)
    {
        _routes[route] = answer;
        return this;
    }

    public FakeMlflowHandler On(string route, HttpStatusCode status, string body) => On(route, _ => Respond(status, body));

    public static HttpResponseMessage Respond(HttpStatusCode status, string body, string contentType = "application/json") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };

    public static FakeMlflowHandler WithRun(string runId = "0123456789abcdef0123456789abcdef", string experimentId = "1") =>
        new FakeMlflowHandler().On("runs/create", HttpStatusCode.OK, RunJson(runId, experimentId));

    public static string RunJson(string runId, string experimentId, string status = "RUNNING") =>
        $$$"""{"run":{"info":{"run_id":"{{{runId}}}","run_uuid":"{{{runId}}}","run_name":"r","experiment_id":"{{{experimentId}}}","status":"{{{status}}}","artifact_uri":"mlflow-artifacts:/{{{experimentId}}}/{{{runId}}}/artifacts","lifecycle_stage":"active"},"data":{} } }""";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query, body);
        _requests.Enqueue(recorded);
        var route = _routes.Keys.Where(k => recorded.Path.EndsWith("/" + k, StringComparison.Ordinal)).MaxBy(k => k.Length);
        var response = route is null ? Respond(HttpStatusCode.OK, "{}") : _routes[route](recorded);
        response.RequestMessage = request;
        return response;
    }
}
