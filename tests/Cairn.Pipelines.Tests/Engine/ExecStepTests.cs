using System.Security.Cryptography;
using Cairn.Core.Pipelines;
using Cairn.Pipelines.Tests.Support;
using Cairn.Testing;

namespace Cairn.Pipelines.Tests.Engine;

public sealed class ExecStepTests
{
    [Fact]
    public async Task Exec_RunsARealCommand_PublishesHashedOutputs_AndRecordsLineage()
    {
        using var home = new TempDirectory("cairn-pl");
        await using var host = await EngineHost.StartAsync(home.Path, new StepLedger());
        var run = await host.WaitAsync((await host.SubmitAsync("""
            name: shell
            params: { greeting: hello }
            steps:
              make:
                uses: exec
                with:
                  command: [sh, -c, 'echo "${params.greeting} world" > data.txt; echo made it']
                  outputs: { data: data.txt }
              upper:
                uses: exec
                with:
                  command: [sh, -c, 'tr a-z A-Z < "$CAIRN_INPUT_SOURCE" > "$CAIRN_OUTPUT_RESULT"; echo oops >&2']
                  inputs: { source: "${steps.make.outputs.data}" }
                  outputs: { result: out/result.txt }
            """)).RunId);
        Assert.Equal(PipelineRunStatus.Complete, run.Run.Status);
        var make = run.Latest("make");
        Assert.Contains("made it", make.Log);
        var data = make.Outputs.Single().Artifact;
        var stored = Path.Combine(home.Path, "artifacts", data.Uri);
        Assert.Equal("hello world\n", await File.ReadAllTextAsync(stored));
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(stored))), data.ContentHash);
        Assert.StartsWith($"pipelines/{run.Run.RunId}/make/1/data/", data.Uri);

        var upper = run.Latest("upper");
        Assert.Contains("oops", upper.Log);
        var result = upper.Outputs.Single().Artifact;
        Assert.Equal("HELLO WORLD\n", await File.ReadAllTextAsync(Path.Combine(home.Path, "artifacts", result.Uri)));
        Assert.Equal(data.Id, upper.Inputs.Single().Artifact.Id);

        // Lineage from the final artifact walks back to the first step's output.
        var lineage = await host.Service.GetArtifactLineageAsync(result.Id, CancellationToken.None);
        Assert.Equal(["make", "upper"], lineage.Executions.Select(e => e.StepId).Order());
        Assert.Contains(lineage.Events, e => e.ArtifactId == data.Id && e.Kind == LineageEventKind.Input && e.ExecutionId == upper.Id);
        Assert.Contains(lineage.Events, e => e.ArtifactId == data.Id && e.Kind == LineageEventKind.Output && e.ExecutionId == make.Id);

        // Downstream from the first output reaches the second step's result.
        var downstream = await host.Service.GetArtifactLineageAsync(data.Id, CancellationToken.None);
        Assert.Contains(downstream.Artifacts, a => a.Id == result.Id);
    }

    [Fact]
    public async Task Exec_NonZeroExit_FailsWithExitCodeAndLogTail()
    {
        using var home = new TempDirectory("cairn-pl");
        await using var host = await EngineHost.StartAsync(home.Path, new StepLedger());
        var run = await host.WaitAsync((await host.SubmitAsync("""
            name: shell-fail
            steps:
              bad: { uses: exec, with: { command: [sh, -c, "echo loading; echo 'KeyError: label' >&2; exit 3"] } }
            """)).RunId);
        Assert.Equal(PipelineRunStatus.Failed, run.Run.Status);
        var error = run.Latest("bad").Error!;
        Assert.StartsWith("command exited with code 3", error);
        Assert.Contains("KeyError: label", error);
    }
}
