using System.Text.Json;
using System.Text.RegularExpressions;
using Cairn.Cli.Tests.Commands;
using Cairn.Testing;

namespace Cairn.Cli.Tests;

[Collection(CliServerCollection.Name)]
public sealed partial class LineageCommandTests(CairnServerFixture server) : IDisposable
{
    private readonly TempDirectory _dir = new("cairn-cli-lin");

    public void Dispose() => _dir.Dispose();

    [GeneratedRegex(@"run ([0-9a-f]+)")]
    private static partial Regex RunIdPattern();

    [Fact]
    public async Task Lineage_PrintsTheTreeFromModelVersionToRunStepsAndArtifacts_AndJson()
    {
        var name = "cli-lin-" + Guid.NewGuid().ToString("N")[..8];
        var spec = Path.Combine(_dir.Path, "pipeline.yaml");
        await File.WriteAllTextAsync(spec, $$"""
            name: {{name}}
            params: { n: 7 }
            steps:
              make: { uses: exec, with: { command: [sh, -c, "echo ${params.n} > out.txt"], outputs: { out: out.txt } } }
              done: { uses: noop, needs: [make] }
            """);
        var output = await CliRunner.RunOkAsync(server.BaseAddress, "run", spec);
        var runId = RunIdPattern().Match(output).Groups[1].Value;
        Assert.NotEmpty(runId);
        var model = name + "-model";
        await server.Http.PostOkAsync("registered-models/create", new { name = model });
        await server.Http.PostOkAsync("model-versions/create", new
        {
            name = model,
            source = "mlflow-artifacts:/0/x/artifacts/model",
            tags = new[] { new { key = "cairn.pipeline_run", value = runId } },
        });

        var tree = await CliRunner.RunOkAsync(server.BaseAddress, "lineage", model + "@1");
        Assert.Contains($"Model {model} version 1", tree);
        Assert.Contains($"  pipeline run {runId} ({name}) COMPLETE", tree);
        Assert.Contains("    params: n=7", tree);
        Assert.Matches(@"\n    step make \[exec\] COMPLETE\n", tree);
        Assert.Matches(@"\n      out out: file [0-9a-f]{12} pipelines/", tree);
        Assert.True(tree.IndexOf("step make", StringComparison.Ordinal) < tree.IndexOf("step done", StringComparison.Ordinal));

        using var json = JsonDocument.Parse(await CliRunner.RunOkAsync(server.BaseAddress, "lineage", model + "@1", "--json"));
        Assert.Equal(runId, json.RootElement.GetProperty("pipeline_run").GetProperty("run_id").GetString());
    }

    [Fact]
    public async Task Lineage_OfAHandRegisteredVersion_SaysSo_AndABadReferenceIsAUsageError()
    {
        var model = "cli-lin-hand-" + Guid.NewGuid().ToString("N")[..8];
        await server.Http.PostOkAsync("registered-models/create", new { name = model });
        await server.Http.PostOkAsync("model-versions/create", new { name = model, source = "mlflow-artifacts:/0/x/artifacts/model" });
        var tree = await CliRunner.RunOkAsync(server.BaseAddress, "lineage", model + "@1");
        Assert.Contains("note: Version 1", tree);
        Assert.DoesNotContain("pipeline run", tree);

        var bad = await CliRunner.RunAsync("lineage", model, "--server", server.BaseAddress.ToString());
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("Expected <model>@<version|alias>", bad.Error);
    }
}
