using System.Net;
using System.Text.Json.Nodes;
using Cairn.Testing;

namespace Cairn.Server.Tests.BadInput;

/// <summary>Bodies that are not JSON, have the wrong types or lack required fields: 400 with a message naming the field.</summary>
[Collection(BadInputCollections.Sqlite)]
public sealed class MalformedRequestTests(CairnServerFixture server)
{
    private readonly MlflowApi _api = new(server.Http);

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("{\"name\": \"x\",}")]
    [InlineData("not json at all")]
    [InlineData("{\"name\": \"x\"} trailing")]
    public async Task CreateExperiment_WithMalformedJson_IsRejected(string body)
    {
        using var response = await _api.PostAsync("experiments/create", body);

        await MlflowAssert.ErrorAsync(response, HttpStatusCode.BadRequest, null, MlflowAssert.InvalidParameterValue, "BAD_REQUEST");
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("null")]
    [InlineData("\"name\"")]
    [InlineData("42")]
    public async Task CreateExperiment_WithJsonThatIsNotAnObject_IsRejected(string body)
    {
        using var response = await _api.PostAsync("experiments/create", body);

        await MlflowAssert.ErrorAsync(response, HttpStatusCode.BadRequest, null, MlflowAssert.InvalidParameterValue, "BAD_REQUEST");
    }

    [Theory]
    [InlineData("value", "\"abc\"")]
    [InlineData("value", "{}")]
    [InlineData("step", "{}")]
    [InlineData("step", "\"three\"")]
    [InlineData("step", "1.5")]
    [InlineData("timestamp", "\"yesterday\"")]
    [InlineData("timestamp", "[1]")]
    [InlineData("key", "{\"a\": 1}")]
    public async Task LogMetric_WithWrongType_IsRejectedNamingTheField(string field, string json)
    {
        var (_, runId) = await _api.CreateExperimentAndRunAsync();
        var body = MlflowApi.Metric("m", 1.0);
        body["run_id"] = runId;
        body[field] = JsonNode.Parse(json);

        using var response = await _api.PostAsync("runs/log-metric", body);

        await MlflowAssert.InvalidAsync(response, $"'{field}'");
        Assert.Empty(MlflowApi.Metrics(await _api.GetRunAsync(runId)));
    }

    [Theory]
    [InlineData("experiments/create", "{\"name\": 5}")]
    [InlineData("experiments/create", "{\"name\": \"x\", \"tags\": \"not-a-list\"}")]
    [InlineData("experiments/create", "{\"name\": \"x\", \"tags\": [{\"key\": 1, \"value\": \"v\"}]}")]
    [InlineData("runs/search", "{\"experiment_ids\": \"0\"}")]
    [InlineData("runs/search", "{\"experiment_ids\": [\"0\"], \"max_results\": \"many\"}")]
    [InlineData("runs/search", "{\"experiment_ids\": [\"0\"], \"run_view_type\": \"SOMETIMES\"}")]
    public async Task Request_WithWrongFieldType_IsRejected(string route, string body)
    {
        using var response = await _api.PostAsync(route, body);

        await MlflowAssert.InvalidAsync(response);
    }

    [Theory]
    [InlineData("timestamp")]
    [InlineData("key")]
    [InlineData("value")]
    public async Task LogMetric_WithoutRequiredField_NamesTheField(string field)
    {
        var (_, runId) = await _api.CreateExperimentAndRunAsync();
        var body = MlflowApi.Metric("m", 1.0);
        body["run_id"] = runId;
        body.Remove(field);

        using var response = await _api.PostAsync("runs/log-metric", body);

        await MlflowAssert.InvalidAsync(response, $"Missing value for required parameter '{field}'");
        Assert.Empty(MlflowApi.Metrics(await _api.GetRunAsync(runId)));
    }

    [Fact]
    public async Task LogMetric_WithoutStep_DefaultsToStepZero()
    {
        var (_, runId) = await _api.CreateExperimentAndRunAsync();
        var body = MlflowApi.Metric("m", 2.5);
        body["run_id"] = runId;
        body.Remove("step");

        await _api.PostOkAsync("runs/log-metric", body);

        var history = await _api.GetOkAsync($"metrics/get-history?run_id={runId}&metric_key=m&max_results=10");
        var point = Assert.Single(history["metrics"]!.AsArray());
        Assert.Equal(0, (long)point!["step"]!);
    }

    [Theory]
    [InlineData("experiments/create", "{}", "name")]
    [InlineData("runs/log-parameter", "{\"run_id\": \"@run\", \"value\": \"v\"}", "key")]
    [InlineData("runs/set-tag", "{\"run_id\": \"@run\", \"value\": \"v\"}", "key")]
    [InlineData("runs/log-metric", "{\"key\": \"m\", \"value\": 1, \"timestamp\": 1}", "run_id")]
    public async Task Request_WithoutRequiredField_NamesTheField(string route, string body, string field)
    {
        var (_, runId) = await _api.CreateExperimentAndRunAsync();

        using var response = await _api.PostAsync(route, body.Replace("@run", runId, StringComparison.Ordinal));

        await MlflowAssert.InvalidAsync(response, $"'{field}'");
    }

    [Fact]
    public async Task CreateExperiment_WithEmptyName_IsRejected()
    {
        using var response = await _api.PostAsync("experiments/create", "{\"name\": \"\"}");

        await MlflowAssert.InvalidAsync(response, "name");
    }

    [Fact]
    public async Task GetRun_WithoutRunId_NamesTheParameter()
    {
        using var response = await _api.GetAsync("runs/get");

        await MlflowAssert.InvalidAsync(response, "run_id");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task Post_WithoutJsonContentType_IsRejected(string? contentType)
    {
        var name = MlflowApi.UniqueName("content-type");

        using var response = await _api.PostAsync("experiments/create", $"{{\"name\": \"{name}\"}}", contentType);

        await MlflowAssert.InvalidAsync(response, "Content-Type must be one of ['application/json']");
        using var lookup = await _api.GetAsync($"experiments/get-by-name?experiment_name={name}");
        await MlflowAssert.NotFoundAsync(lookup);
    }

    [Fact]
    public async Task Post_WithBodyLargerThanTheServerLimit_Is413AndTheServerCarriesOn()
    {
        var (_, runId) = await _api.CreateExperimentAndRunAsync();
        var huge = new byte[17 * 1024 * 1024]; // over the default 16 MB limit (and MLflow's 1 MB log-batch limit)
        var start = "{\"run_id\":\"x\",\"params\":[{\"key\":\"k\",\"value\":\""u8;
        start.CopyTo(huge);
        huge.AsSpan(start.Length).Fill((byte)'a');
        using var content = new ByteArrayContent(huge);
        content.Headers.ContentType = new("application/json");

        // Expect: 100-continue, as curl sends for large bodies: the server can refuse before the upload.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(MlflowApi.Prefix + "runs/log-batch", UriKind.Relative)) { Content = content };
        request.Headers.ExpectContinue = true;
        using var response = await server.Http.SendAsync(request);

        await MlflowAssert.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(MlflowApi.KeyValues(await _api.GetRunAsync(runId), "params"));
        using var health = await server.Http.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task UnknownRoute_IsJson404EndpointNotFound()
    {
        using var response = await _api.PostAsync("runs/does-not-exist", "{}");

        await MlflowAssert.ErrorAsync(response, HttpStatusCode.NotFound, null, "ENDPOINT_NOT_FOUND");
    }

    [Fact]
    public async Task WrongMethod_IsAClientError()
    {
        using var response = await _api.GetAsync("runs/create");

        Assert.InRange((int)response.StatusCode, 400, 499);
    }
}
