using System.Net;
using System.Text.Json.Nodes;
using Cairn.Testing;

namespace Cairn.Server.Tests.BadInput;

/// <summary>Ids that do not exist are 404 RESOURCE_DOES_NOT_EXIST (the MLflow client relies on it, e.g. set_experiment).</summary>
[Collection(BadInputCollections.Sqlite)]
public sealed class UnknownIdTests(CairnServerFixture server)
{
    private static readonly string UnknownRun = Guid.NewGuid().ToString("N");
    private readonly MlflowApi _api = new(server.Http);

    [Theory]
    [InlineData("experiments/get?experiment_id=987654321")]
    [InlineData("experiments/get-by-name?experiment_name=no-such-experiment-7f3a")]
    [InlineData("runs/get?run_id=@run")]
    [InlineData("runs/get?run_uuid=@run")]
    [InlineData("metrics/get-history?run_id=@run&metric_key=loss&max_results=10")]
    [InlineData("registered-models/get?name=no-such-model-7f3a")]
    [InlineData("model-versions/get?name=no-such-model-7f3a&version=1")]
    [InlineData("registered-models/alias?name=no-such-model-7f3a&alias=champion")]
    [InlineData("logged-models/m-00000000000000000000000000000000")]
    public async Task Get_UnknownId_IsNotFound(string routeAndQuery)
    {
        using var response = await _api.GetAsync(routeAndQuery.Replace("@run", UnknownRun, StringComparison.Ordinal));

        await MlflowAssert.NotFoundAsync(response);
    }

    [Theory]
    [InlineData("runs/log-metric", """{"run_id":"@run","key":"m","value":1,"timestamp":1,"step":0}""")]
    [InlineData("runs/log-parameter", """{"run_id":"@run","key":"k","value":"v"}""")]
    [InlineData("runs/set-tag", """{"run_id":"@run","key":"k","value":"v"}""")]
    [InlineData("runs/delete-tag", """{"run_id":"@run","key":"k"}""")]
    [InlineData("runs/update", """{"run_id":"@run","status":"FINISHED","end_time":2}""")]
    [InlineData("runs/delete", """{"run_id":"@run"}""")]
    [InlineData("runs/restore", """{"run_id":"@run"}""")]
    [InlineData("runs/log-inputs", """{"run_id":"@run","datasets":[]}""")]
    [InlineData("runs/create", """{"experiment_id":"987654321","start_time":1}""")]
    [InlineData("experiments/update", """{"experiment_id":"987654321","new_name":"x-7f3a"}""")]
    [InlineData("experiments/delete", """{"experiment_id":"987654321"}""")]
    [InlineData("experiments/set-experiment-tag", """{"experiment_id":"987654321","key":"k","value":"v"}""")]
    [InlineData("registered-models/rename", """{"name":"no-such-model-7f3a","new_name":"other-7f3a"}""")]
    [InlineData("model-versions/set-tag", """{"name":"no-such-model-7f3a","version":"1","key":"k","value":"v"}""")]
    [InlineData("registered-models/alias", """{"name":"no-such-model-7f3a","alias":"champion","version":"1"}""")]
    public async Task Post_UnknownId_IsNotFound(string route, string body)
    {
        using var response = await _api.PostAsync(route, body.Replace("@run", UnknownRun, StringComparison.Ordinal));

        await MlflowAssert.NotFoundAsync(response);
    }

    [Fact]
    public async Task ModelVersionsCreate_ForUnknownModel_IsNotFound()
    {
        var body = new JsonObject { ["name"] = "no-such-model-7f3a", ["source"] = "mlflow-artifacts:/0/x/artifacts/model" };

        using var response = await _api.PostAsync("model-versions/create", body);

        await MlflowAssert.NotFoundAsync(response);
    }

    [Theory]
    [InlineData("experiments/get?experiment_id=abc")]
    [InlineData("experiments/get?experiment_id=-1")]
    [InlineData("experiments/get?experiment_id=99999999999999999999999")]
    [InlineData("runs/get?run_id=not-a-hex-id")]
    [InlineData("runs/get?run_id=..%2F..%2Fcairn.db")]
    [InlineData("model-versions/get?name=no-such-model-7f3a&version=one")]
    public async Task Get_MalformedId_IsAClientErrorNeverAServerError(string routeAndQuery)
    {
        using var response = await _api.GetAsync(routeAndQuery);

        var status = (int)response.StatusCode;
        Assert.True(status is 400 or 404, $"{routeAndQuery} -> {status}: {await response.Content.ReadAsStringAsync()}");
        await MlflowAssert.ErrorAsync(response, (HttpStatusCode)status);
    }
}
