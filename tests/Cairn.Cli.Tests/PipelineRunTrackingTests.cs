using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Cli.Tests.Commands;
using Cairn.Testing;

namespace Cairn.Cli.Tests;

/// <summary><c>cairn run</c> names the tracked (MLflow) run and sends the spec file's directory as the working directory.</summary>
[Collection(CliServerCollection.Name)]
public sealed class PipelineRunTrackingTests(CairnServerFixture server) : IDisposable
{
    private readonly TempDirectory _dir = new("cairn-cli-plt");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_Json_CarriesTheTrackedRunId_AndTheWorkingDirectory_WhichResolvesARelativeImportPath()
    {
        var name = "cli-wd-" + Guid.NewGuid().ToString("N")[..8];
        // A relative path only resolves if the server got the spec file's directory.
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "rows.csv"), "day,value\n1,2.5\n2,3.5\n3,1.0\n");
        var spec = Path.Combine(_dir.Path, "pipeline.yaml");
        await File.WriteAllTextAsync(spec, $$"""
            name: {{name}}
            steps:
              ingest: { uses: data.import, with: { path: rows.csv, dataset: {{name}} } }
            """);

        var output = await CliRunner.RunOkAsync(server.BaseAddress, "run", spec, "--json");
        using var json = JsonDocument.Parse(output);
        var run = json.RootElement.GetProperty("run");
        Assert.Equal("COMPLETE", run.GetProperty("status").GetString());
        Assert.Equal(Path.GetFullPath(_dir.Path), run.GetProperty("params").GetProperty("cairn.working_directory").GetString());
        var trackedId = run.GetProperty("tracking_run_id").GetString();
        Assert.False(string.IsNullOrEmpty(trackedId));

        var tracked = await server.Http.GetFromJsonAsync<JsonElement>($"/api/2.0/mlflow/runs/get?run_id={trackedId}");
        var tags = tracked.GetProperty("run").GetProperty("data").GetProperty("tags").EnumerateArray()
            .ToDictionary(t => t.GetProperty("key").GetString()!, t => t.GetProperty("value").GetString());
        Assert.Equal(run.GetProperty("run_id").GetString(), tags["cairn.pipeline_run"]);
        Assert.Equal("FINISHED", tracked.GetProperty("run").GetProperty("info").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Run_Summary_NamesTheTrackedRun()
    {
        var name = "cli-tr-" + Guid.NewGuid().ToString("N")[..8];
        var spec = Path.Combine(_dir.Path, "pipeline.yaml");
        await File.WriteAllTextAsync(spec, $"name: {name}\nsteps:\n  only: {{ uses: noop }}\n");

        var output = await CliRunner.RunOkAsync(server.BaseAddress, "run", spec);
        var runId = output.Split('\n')[0].Split(' ')[^1].Trim();
        var details = await server.Http.GetFromJsonAsync<JsonElement>($"/api/v1/pipelines/runs/{runId}");
        var trackedId = details.GetProperty("run").GetProperty("tracking_run_id").GetString();
        Assert.False(string.IsNullOrEmpty(trackedId));
        Assert.Contains($"Tracked run: {trackedId} (experiment pipeline:{name})", output);
    }
}
