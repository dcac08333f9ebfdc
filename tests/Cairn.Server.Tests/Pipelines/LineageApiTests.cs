using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cairn.Testing;

namespace Cairn.Server.Tests.Pipelines;

public sealed class LineageApiTests(CairnServerFixture server) : IClassFixture<CairnServerFixture>
{
    private readonly HttpClient _http = server.Http;

    private async Task<string> RunPipelineAsync(string name)
    {
        var spec = $$"""
            name: {{name}}
            params: { word: hi }
            steps:
              make: { uses: exec, with: { command: [sh, -c, "echo ${params.word} > w.txt"], outputs: { word: w.txt } } }
              use:  { uses: exec, needs: [make], with: { command: [sh, -c, "cat ${steps.make.outputs.word} > u.txt"], outputs: { copy: u.txt } } }
            """;
        using var submitted = await _http.PostAsJsonAsync("/api/v1/pipelines/runs", new { spec, file_name = "p.yaml" });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var runId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run_id").GetString()!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await _http.GetFromJsonAsync<JsonElement>($"/api/v1/pipelines/runs/{runId}")).GetProperty("run").GetProperty("status").GetString() == "RUNNING")
        {
            Assert.True(DateTime.UtcNow < deadline, "run did not finish");
            await Task.Delay(20);
        }

        return runId;
    }

    private async Task<string> ImportDatasetAsync(string name)
    {
        var content = new StringContent("a,b\n1,x\n2,y\n3,z\n", Encoding.UTF8, "text/csv");
        using var response = await _http.PostAsync($"/api/v1/datasets/{name}/versions?format=csv&source=lineage.csv", content);
        Assert.True(response.IsSuccessStatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetProperty("version").GetString()!;
    }

    private async Task<string> RegisterAsync(string model, params (string Key, string Value)[] tags)
    {
        await _http.PostOkAsync("registered-models/create", new { name = model });
        var version = await _http.PostOkAsync("model-versions/create", new
        {
            name = model,
            source = "mlflow-artifacts:/0/x/artifacts/model",
            tags = tags.Select(t => new { key = t.Key, value = t.Value }).ToArray(),
        });
        return version.GetProperty("model_version").GetProperty("version").GetString()!;
    }

    [Fact]
    public async Task ModelVersionFromAPipeline_HasItsRunExecutionsArtifactsAndDatasets()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var runId = await RunPipelineAsync("lin-" + suffix);
        var hash = await ImportDatasetAsync("lin-data-" + suffix);
        var model = "lin-model-" + suffix;
        var version = await RegisterAsync(model, ("cairn.pipeline_run", runId), ("cairn.dataset_versions", hash));
        await _http.PostOkAsync("registered-models/alias", new { name = model, alias = "champion", version });

        foreach (var reference in new[] { version, "champion" })
        {
            var lineage = await _http.GetFromJsonAsync<JsonElement>($"/api/v1/lineage/models/{model}/versions/{reference}");
            Assert.Equal(version, lineage.GetProperty("model_version").GetProperty("version").GetString());
            Assert.Contains("champion", lineage.GetProperty("model_version").GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
            var run = lineage.GetProperty("pipeline_run");
            Assert.Equal(runId, run.GetProperty("run_id").GetString());
            Assert.Equal("lin-" + suffix, run.GetProperty("pipeline_name").GetString());
            Assert.Equal("COMPLETE", run.GetProperty("status").GetString());
            Assert.Equal("hi", run.GetProperty("params").GetProperty("word").GetString());
            Assert.False(string.IsNullOrEmpty(run.GetProperty("tracking_run_id").GetString()));
            var executions = run.GetProperty("executions").EnumerateArray().ToList();
            Assert.Equal(["make", "use"], executions.Select(e => e.GetProperty("step_id").GetString()));
            Assert.All(executions, e => Assert.Equal("exec", e.GetProperty("step_kind").GetString()));
            var input = Assert.Single(executions[1].GetProperty("inputs").EnumerateArray());
            Assert.Equal("make", input.GetProperty("from_step").GetString());
            Assert.Equal(executions[0].GetProperty("outputs")[0].GetProperty("id").GetInt64(), input.GetProperty("id").GetInt64());
            var dataset = Assert.Single(lineage.GetProperty("dataset_versions").EnumerateArray());
            Assert.Equal(hash, dataset.GetProperty("version").GetString());
            Assert.Equal("lin-data-" + suffix, dataset.GetProperty("name").GetString());
            Assert.Equal(3, dataset.GetProperty("row_count").GetInt64());
            Assert.Equal("lineage.csv", dataset.GetProperty("source").GetString());
            Assert.False(lineage.TryGetProperty("note", out _));
        }
    }

    [Fact]
    public async Task HandRegisteredVersion_HasJustTheVersionAndANote()
    {
        var model = "lin-hand-" + Guid.NewGuid().ToString("N")[..8];
        var version = await RegisterAsync(model);
        var lineage = await _http.GetFromJsonAsync<JsonElement>($"/api/v1/lineage/models/{model}/versions/{version}");
        Assert.Equal(model, lineage.GetProperty("model_version").GetProperty("name").GetString());
        Assert.False(lineage.TryGetProperty("pipeline_run", out _));
        Assert.Contains("not registered by a pipeline", lineage.GetProperty("note").GetString());
    }

    [Fact]
    public async Task UnknownModelOrAlias_IsNotFound()
    {
        using var missing = await _http.GetAsync("/api/v1/lineage/models/no-such-model/versions/1");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var body = await missing.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", body.GetProperty("error_code").GetString());
    }
}
