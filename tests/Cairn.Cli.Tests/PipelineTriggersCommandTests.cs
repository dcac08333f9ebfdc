using System.Text;
using System.Text.Json;
using Cairn.Cli.Tests.Commands;
using Cairn.Data;
using Cairn.Data.Import;
using Cairn.Pipelines.Triggers;
using Cairn.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Cli.Tests;

[Collection(CliServerCollection.Name)]
public sealed class PipelineTriggersCommandTests(CairnServerFixture server) : IDisposable
{
    private readonly TempDirectory _dir = new("cairn-cli-trig");

    public void Dispose() => _dir.Dispose();

    private string WriteSpec(string yaml)
    {
        var path = Path.Combine(_dir.Path, "retrain.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private Task ImportAsync(string dataset, int seed) =>
        server.App.Services.GetRequiredService<DatasetService>().ImportAsync(
            new ImportRequest { Name = dataset, Format = "csv" }, new MemoryStream(Encoding.UTF8.GetBytes($"x\n{seed}\n")), CancellationToken.None);

    [Fact]
    public async Task Apply_ThenANewDatasetVersion_StartsARun_ShownWithItsTriggerInRunsAndTriggers()
    {
        var name = "cli-trig-" + Guid.NewGuid().ToString("N")[..8];
        var dataset = name + "-data";
        await ImportAsync(dataset, 1);
        var spec = WriteSpec($$"""
            name: {{name}}
            params: { word: hi }
            steps:
              done: { uses: noop, with: { word: "${params.word}" } }
            triggers:
              - data: { dataset: {{dataset}} }
            """);

        var applied = await CliRunner.RunOkAsync(server.BaseAddress, "pipelines", "apply", spec, "--param", "word=cli");
        Assert.Contains($"Applied pipeline '{name}' with 1 trigger.", applied);
        Assert.Matches($@"1\s+data\s+data: new version of dataset {dataset}", applied);

        var triggers = server.App.Services.GetRequiredService<TriggerService>();
        await triggers.EvaluateAsync(CancellationToken.None);
        await ImportAsync(dataset, 2);
        await triggers.EvaluateAsync(CancellationToken.None);

        var runs = await CliRunner.RunOkAsync(server.BaseAddress, "pipelines", "runs", name);
        Assert.Contains("TRIGGER", runs.Split('\n')[0]);
        Assert.Contains($"data: dataset {dataset} new version ", runs);
        Assert.Contains("word=cli", runs);
        var runId = runs.Split('\n')[1].Split(' ')[0];

        var table = await CliRunner.RunOkAsync(server.BaseAddress, "pipelines", "triggers", name);
        Assert.Contains("LAST FIRED", table);
        Assert.Contains(runId, table);

        var json = JsonDocument.Parse(await CliRunner.RunOkAsync(server.BaseAddress, "pipelines", "triggers", name, "--json")).RootElement.GetProperty("pipeline");
        var trigger = json.GetProperty("triggers")[0];
        Assert.Equal(runId, trigger.GetProperty("last_run_id").GetString());
        Assert.StartsWith($"data: dataset {dataset} new version ", trigger.GetProperty("last_reason").GetString());
    }

    [Fact]
    public async Task Apply_WithAnInvalidTrigger_PrintsFileAndLine_AndFails()
    {
        var spec = WriteSpec("""
            name: bad-triggers
            steps:
              done: { uses: noop }
            triggers:
              - drift: { deployment: weather, reports: 0 }
            """);

        var result = await CliRunner.RunAsync("pipelines", "apply", spec, "--server", server.BaseAddress.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("retrain.yaml:5:44: trigger 1: 'drift.reports' must be a whole number from 1 to 100", result.Error);
    }

    [Fact]
    public async Task Triggers_OfAPipelineNeverApplied_IsNotFound()
    {
        var result = await CliRunner.RunAsync("pipelines", "triggers", "never-applied-" + Guid.NewGuid().ToString("N")[..6], "--server", server.BaseAddress.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("RESOURCE_DOES_NOT_EXIST", result.Error);
    }
}
