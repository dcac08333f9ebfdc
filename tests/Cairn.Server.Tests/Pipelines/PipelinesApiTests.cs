using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Testing;

namespace Cairn.Server.Tests.Pipelines;

public sealed class PipelinesApiTests(CairnServerFixture server) : IClassFixture<CairnServerFixture>
{
    private readonly HttpClient _http = server.Http;

    private static string Spec(string name) => $$"""
        name: {{name}}
        params: { word: hi }
        steps:
          make: { uses: exec, with: { command: [sh, -c, "echo ${params.word} {{name}} > w.txt"], outputs: { word: w.txt } } }
          done: { uses: noop, needs: [make] }
        """;

    private async Task<JsonElement> SubmitAsync(string spec, object? parameters = null, bool noCache = false)
    {
        using var response = await _http.PostAsJsonAsync("/api/v1/pipelines/runs", new { spec, file_name = "p.yaml", @params = parameters, no_cache = noCache });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> WaitAsync(string runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var run = await _http.GetFromJsonAsync<JsonElement>($"/api/v1/pipelines/runs/{runId}");
            if (run.GetProperty("run").GetProperty("status").GetString() != "RUNNING")
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, "run did not finish");
            await Task.Delay(20);
        }
    }

    private static List<string> States(JsonElement run) =>
        run.GetProperty("executions").EnumerateArray().Select(e => e.GetProperty("step_id").GetString() + "=" + e.GetProperty("state").GetString()).ToList();

    [Fact]
    public async Task SubmitRun_RunsToCompletion_ThenARerunIsCached_AndListsShowIt()
    {
        var name = "api-" + Guid.NewGuid().ToString("N")[..8];
        var first = await WaitAsync((await SubmitAsync(Spec(name))).GetProperty("run_id").GetString()!);
        Assert.Equal("COMPLETE", first.GetProperty("run").GetProperty("status").GetString());
        Assert.Equal(["make=COMPLETE", "done=COMPLETE"], States(first));
        Assert.Equal(["make", "done"], first.GetProperty("step_order").EnumerateArray().Select(s => s.GetString()));

        var second = await WaitAsync((await SubmitAsync(Spec(name))).GetProperty("run_id").GetString()!);
        Assert.Equal(["make=CACHED", "done=CACHED"], States(second));

        var third = await WaitAsync((await SubmitAsync(Spec(name), new Dictionary<string, string> { ["word"] = "yo" })).GetProperty("run_id").GetString()!);
        Assert.Equal(["make=COMPLETE", "done=COMPLETE"], States(third));
        Assert.Equal("yo", third.GetProperty("run").GetProperty("params").GetProperty("word").GetString());

        var pipelines = await _http.GetFromJsonAsync<JsonElement>("/api/v1/pipelines");
        Assert.Contains(pipelines.GetProperty("pipelines").EnumerateArray(), p => p.GetProperty("name").GetString() == name);
        var runs = await _http.GetFromJsonAsync<JsonElement>($"/api/v1/pipelines/{name}/runs");
        Assert.Equal(3, runs.GetProperty("runs").GetArrayLength());

        var output = first.GetProperty("executions")[0].GetProperty("outputs")[0].GetProperty("artifact");
        var lineage = await _http.GetFromJsonAsync<JsonElement>($"/api/v1/pipelines/artifacts/{output.GetProperty("id").GetInt64()}/lineage");
        Assert.Contains(lineage.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "OUTPUT");
    }

    [Fact]
    public async Task InvalidSpec_Is400_WithEveryProblemAndItsLine_AndNothingRecorded()
    {
        var name = "bad-" + Guid.NewGuid().ToString("N")[..8];
        var spec = $"name: {name}\nsteps:\n  a: {{ uses: teleport }}\n  b: {{ uses: noop, needs: [b2] }}\n";
        using var response = await _http.PostAsJsonAsync("/api/v1/pipelines/runs", new { spec, file_name = "bad.yaml" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("INVALID_PARAMETER_VALUE", body.GetProperty("error_code").GetString());
        Assert.Contains("bad.yaml:3:14: step 'a': unknown step kind 'teleport'", body.GetProperty("message").GetString());
        var problems = body.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(2, problems.Count);
        Assert.Equal(4, problems[1].GetProperty("line").GetInt32());

        using var runs = await _http.GetAsync($"/api/v1/pipelines/{name}/runs");
        Assert.Equal(HttpStatusCode.NotFound, runs.StatusCode);
    }

    [Fact]
    public async Task UnknownRun_Is404_AndCancelOfAFinishedRunKeepsItsStatus()
    {
        using var missing = await _http.GetAsync("/api/v1/pipelines/runs/0123456789abcdef0123456789abcdef");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error_code").GetString());

        var run = await WaitAsync((await SubmitAsync(Spec("cancel-" + Guid.NewGuid().ToString("N")[..8]))).GetProperty("run_id").GetString()!);
        var runId = run.GetProperty("run").GetProperty("run_id").GetString();
        using var cancel = await _http.PostAsync($"/api/v1/pipelines/runs/{runId}/cancel", null);
        var after = await cancel.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("COMPLETE", after.GetProperty("run").GetProperty("status").GetString());
    }
}
