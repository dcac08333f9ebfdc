using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cairn.Data;
using Cairn.Data.Import;
using Cairn.Pipelines.Triggers;
using Cairn.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Server.Tests.Pipelines;

/// <summary>Applied pipelines and their triggers through the API, on a real server (its own trigger loop runs too).</summary>
public sealed class PipelineTriggersApiTests(CairnServerFixture server) : IClassFixture<CairnServerFixture>
{
    private static string Spec(string name, string dataset) => $$"""
        name: {{name}}
        params: { word: hi }
        steps:
          done: { uses: noop, with: { word: "${params.word}" } }
        triggers:
          - data: { dataset: {{dataset}} }
            cooldown: 0
          - cron: "0 3 * * *"
        """;

    private async Task<HttpResponseMessage> ApplyAsync(string spec, object? parameters = null) =>
        await server.Http.PostAsJsonAsync("/api/v1/pipelines", new { spec, file_name = "retrain.yaml", @params = parameters, working_directory = server.Home });

    private Task ImportAsync(string dataset, int seed) =>
        server.App.Services.GetRequiredService<DatasetService>().ImportAsync(
            new ImportRequest { Name = dataset, Format = "csv" }, new MemoryStream(Encoding.UTF8.GetBytes($"x\n{seed}\n{seed + 1}\n")), CancellationToken.None);

    private Task EvaluateAsync() => server.App.Services.GetRequiredService<TriggerService>().EvaluateAsync(CancellationToken.None);

    private async Task<JsonElement> TriggersAsync(string name) =>
        (await server.Http.GetFromJsonAsync<JsonElement>($"/api/v1/pipelines/{name}/triggers")).GetProperty("pipeline");

    [Fact]
    public async Task Apply_WithAnInvalidTrigger_Is400NamingFileAndLine_AndStoresNothing()
    {
        var name = "trig-" + Guid.NewGuid().ToString("N")[..8];
        using var response = await ApplyAsync(Spec(name, "d").Replace("cron: \"0 3 * * *\"", "cron: \"0 25 * * *\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("INVALID_PARAMETER_VALUE", body.GetProperty("error_code").GetString());
        var problem = body.GetProperty("problems")[0];
        Assert.Equal(("retrain.yaml", 8), (problem.GetProperty("file").GetString(), problem.GetProperty("line").GetInt32()));
        Assert.Contains("'0 25 * * *' is not a valid cron expression", problem.GetProperty("reason").GetString());
        using var missing = await server.Http.GetAsync($"/api/v1/pipelines/{name}/triggers");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task DataTrigger_OfAnAppliedPipeline_StartsOneRunPerNewVersion_WithItsReason_AndSurvivesARestart()
    {
        var name = "trig-" + Guid.NewGuid().ToString("N")[..8];
        var dataset = name + "-data";
        await ImportAsync(dataset, 1);
        using (var applied = await ApplyAsync(Spec(name, dataset), new { word = "applied" }))
        {
            Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
            var pipeline = (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pipeline");
            Assert.Equal(name, pipeline.GetProperty("name").GetString());
            Assert.Equal("applied", pipeline.GetProperty("params").GetProperty("word").GetString());
            var triggers = pipeline.GetProperty("triggers");
            Assert.Equal(["data", "cron"], triggers.EnumerateArray().Select(t => t.GetProperty("kind").GetString()));
            Assert.Equal($"data: new version of dataset {dataset}, cooldown 0", triggers[0].GetProperty("description").GetString());
            Assert.True(triggers[1].GetProperty("next_time").GetInt64() > DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        }

        await EvaluateAsync();
        await ImportAsync(dataset, 2);
        await EvaluateAsync();
        await EvaluateAsync();

        var runs = (await server.Http.GetFromJsonAsync<JsonElement>($"/api/v1/pipelines/{name}/runs")).GetProperty("runs");
        var run = Assert.Single(runs.EnumerateArray());
        Assert.StartsWith($"data: dataset {dataset} new version ", run.GetProperty("trigger").GetString());
        Assert.Equal("applied", run.GetProperty("params").GetProperty("word").GetString());
        var state = (await TriggersAsync(name)).GetProperty("triggers")[0];
        Assert.Equal(run.GetProperty("run_id").GetString(), state.GetProperty("last_run_id").GetString());
        Assert.True(state.TryGetProperty("last_fired", out _));

        await server.RestartAsync();
        await EvaluateAsync();
        var after = (await TriggersAsync(name)).GetProperty("triggers")[0];
        Assert.Equal(state.GetProperty("last_run_id").GetString(), after.GetProperty("last_run_id").GetString());
        Assert.Equal(state.GetProperty("last_dataset_version").GetString(), after.GetProperty("last_dataset_version").GetString());
        Assert.Single((await server.Http.GetFromJsonAsync<JsonElement>($"/api/v1/pipelines/{name}/runs")).GetProperty("runs").EnumerateArray());
    }
}
