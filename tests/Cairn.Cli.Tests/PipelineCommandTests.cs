using Cairn.Cli.Tests.Commands;
using Cairn.Testing;

namespace Cairn.Cli.Tests;

[Collection(CliServerCollection.Name)]
public sealed class PipelineCommandTests(CairnServerFixture server) : IDisposable
{
    private readonly TempDirectory _dir = new("cairn-cli-pl");

    public void Dispose() => _dir.Dispose();

    private string WriteSpec(string yaml)
    {
        var path = Path.Combine(_dir.Path, "pipeline.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public async Task Run_FollowsStepsToTheEnd_ThenRerunIsCached_AndPipelinesCommandsShowIt()
    {
        var name = "cli-" + Guid.NewGuid().ToString("N")[..8];
        var spec = WriteSpec($$"""
            name: {{name}}
            params: { n: 1 }
            steps:
              make: { uses: exec, with: { command: [sh, -c, "echo {{name}} ${params.n} > out.txt"], outputs: { out: out.txt } } }
              done: { uses: noop, needs: [make] }
            """);
        var first = await CliRunner.RunOkAsync(server.BaseAddress, "run", spec);
        Assert.Contains($"Pipeline '{name}' run ", first);
        Assert.Contains("COMPLETE  make", first);
        Assert.Contains("Run COMPLETE", first);

        var second = await CliRunner.RunOkAsync(server.BaseAddress, "run", spec);
        Assert.Matches(@"make\s+CACHED\s+1\s+\S*\s*hit", second);

        var third = await CliRunner.RunOkAsync(server.BaseAddress, "run", spec, "--param", "n=2");
        Assert.Matches(@"make\s+COMPLETE\s+1", third);

        Assert.Contains(name, await CliRunner.RunOkAsync(server.BaseAddress, "pipelines", "list"));
        var runs = await CliRunner.RunOkAsync(server.BaseAddress, "pipelines", "runs", name);
        Assert.Contains("n=2", runs);
        var runId = runs.Split('\n')[1].Split(' ')[0];
        var show = await CliRunner.RunOkAsync(server.BaseAddress, "pipelines", "show", runId, "--logs");
        Assert.Contains("Status", show);
        Assert.Matches(@"done\s+COMPLETE", show);
    }

    [Fact]
    public async Task Run_FailingStep_ExitsOne_WithTheReason()
    {
        var spec = WriteSpec($"""
            name: cli-fail-{Guid.NewGuid():N}
            steps:
              bad: {"{"} uses: exec, with: {"{"} command: [sh, -c, "echo nope >&2; exit 4"] {"}"} {"}"}
              after: {"{"} uses: noop, needs: [bad] {"}"}
            """);
        var result = await CliRunner.RunAsync("run", spec, "--server", server.BaseAddress.ToString());
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Run FAILED: step 'bad' failed: command exited with code 4", result.Out);
        Assert.Matches(@"after\s+CANCELED", result.Out);
    }

    [Fact]
    public async Task Run_InvalidSpec_PrintsEveryProblemWithItsLine_AndUsageErrorsForBadParams()
    {
        var spec = WriteSpec("name: cli-bad\nsteps:\n  a: { uses: noop, needs: [a, zz] }\n  b: { uses: warp }\n");
        var result = await CliRunner.RunAsync("run", spec, "--server", server.BaseAddress.ToString());
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("pipeline.yaml:3:", result.Error);
        Assert.Contains("pipeline.yaml:4:14: step 'b': unknown step kind 'warp'", result.Error);

        var bad = await CliRunner.RunAsync("run", spec, "--param", "oops", "--server", server.BaseAddress.ToString());
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--param must be name=value", bad.Error);
    }
}
