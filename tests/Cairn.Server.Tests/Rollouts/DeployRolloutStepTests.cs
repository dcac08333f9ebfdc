using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Testing.Deployments;

namespace Cairn.Server.Tests.Rollouts;

/// <summary>The <c>deploy.rollout</c> pipeline step on a real server: it starts a rollout through the server's IRolloutLauncher.</summary>
[Collection(RolloutsCollection.Name)]
public sealed class DeployRolloutStepTests(DeploymentsServerFixture server)
{
    [Fact]
    public async Task Step_RollsOutTheVersionTheRegisterStepWrote_WithThePolicyOfItsConfig()
    {
        var deployment = await CreateAsync();
        var pipeline = "ro-pipe-" + Guid.NewGuid().ToString("N")[..8];
        // An exec step stands in for model.register: the same model_version output (name and version).
        var spec = $$"""
            name: {{pipeline}}
            steps:
              register:
                uses: exec
                with: { command: [sh, -c, "echo '{\"name\": \"{{server.Model}}\", \"version\": \"2\"}' > mv.json"], outputs: { model_version: mv.json } }
              rollout:
                uses: deploy.rollout
                needs: [register]
                with: { deployment: {{deployment}}, steps: [20, 100], interval: 30s, min_samples: 50, max_drop: 0.05 }
            """;

        var run = await RunAsync(spec);
        var (status, body) = await server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{deployment}/rollout");

        Assert.True(run.GetProperty("run").GetProperty("status").GetString() == "COMPLETE", run.ToString());
        Assert.Equal(200, status);
        var rollout = body.GetProperty("rollout");
        Assert.Equal("PROGRESSING", rollout.GetProperty("state").GetString());
        Assert.Equal(2, rollout.GetProperty("version").GetInt64());
        Assert.Equal("pipeline", rollout.GetProperty("actor").GetString());
        Assert.StartsWith($"pipeline:{pipeline} run ", rollout.GetProperty("trigger").GetString(), StringComparison.Ordinal);
        Assert.Equal([20, 100], rollout.GetProperty("policy").GetProperty("steps").EnumerateArray().Select(s => s.GetInt32()));
        Assert.Equal(30, rollout.GetProperty("policy").GetProperty("interval_seconds").GetDouble());
        Assert.Equal(50, rollout.GetProperty("policy").GetProperty("min_samples").GetInt32());
        Assert.Equal(20, rollout.GetProperty("weight").GetInt32());
    }

    [Fact]
    public async Task Step_WithoutAVersionToRollOut_FailsSayingWhatIsMissing()
    {
        var deployment = await CreateAsync();
        var spec = $$"""
            name: ro-pipe-{{Guid.NewGuid().ToString("N")[..8]}}
            steps:
              rollout: { uses: deploy.rollout, with: { deployment: {{deployment}} } }
            """;

        var run = await RunAsync(spec);

        Assert.Equal("FAILED", run.GetProperty("run").GetProperty("status").GetString());
        Assert.Contains("with.model and with.version", run.ToString(), StringComparison.Ordinal);
    }

    private async Task<string> CreateAsync()
    {
        var name = "rp-" + Guid.NewGuid().ToString("N")[..8];
        var (status, body) = await server.PostAsync("/api/v1/deployments", new { name, variants = new[] { new { name = "main", model = server.Model, version = 1 } } });
        Assert.True(status == 201, body.ToString());
        return name;
    }

    private async Task<JsonElement> RunAsync(string spec)
    {
        using var submitted = await server.Http.PostAsJsonAsync("/api/v1/pipelines/runs", new { spec, file_name = "p.yaml" });
        var runId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run_id").GetString()!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var run = await server.Http.GetFromJsonAsync<JsonElement>($"/api/v1/pipelines/runs/{runId}");
            if (run.GetProperty("run").GetProperty("status").GetString() != "RUNNING")
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, "run did not finish");
            await Task.Delay(50);
        }
    }
}
