using System.Text.Json;
using Cairn.Core.Artifacts;
using Cairn.Core.Pipelines;
using Cairn.Core.Tracking;
using Cairn.Pipelines.Tests.Support;
using Cairn.Testing;
using Cairn.Tracking;

namespace Cairn.Pipelines.Tests.Ml;

/// <summary>A failed validation or gate still publishes its report: on the FAILED execution, never as a cache hit.</summary>
public sealed class FailedReportTests
{
    [Fact]
    public async Task FailingGate_PublishesTheEvaluationReport_OnTheFailedExecution_WhichIsNeverACacheHit()
    {
        using var home = new TempDirectory("cairn-pl");
        using var work = new TempDirectory("cairn-pl-data");
        SeattleWeather.CopyTo(work.Path);
        await using var host = await EngineHost.StartAsync(home.Path, new StepLedger());
        const string yaml = """
            name: gated
            steps:
              ingest:   { uses: data.import, with: { path: weather.csv, dataset: weather } }
              split:    { uses: data.split, needs: [ingest], with: { test_fraction: 0.25, seed: 7 } }
              train:    { uses: mlnet.train, needs: [split], with: { task: multiclass, label: weather, trainer: baseline } }
              evaluate: { uses: model.evaluate, needs: [train, split], with: { gates: [ { metric: accuracy, min: 0.99 } ] } }
              register: { uses: model.register, needs: [train, evaluate], with: { model: gated } }
            """;

        var run = await RunFailedAsync(host, yaml, work.Path);
        var evaluate = run.Latest("evaluate");
        Assert.Equal(ExecutionState.Failed, evaluate.State);
        Assert.Contains("gate failed: accuracy = ", evaluate.Error);
        Assert.Equal(ExecutionState.Canceled, run.Latest("register").State);
        var slot = Assert.Single(evaluate.Outputs);
        Assert.Equal("report", slot.Slot);
        Assert.Equal("report", slot.Artifact.Type);
        using (var report = await ReadJsonAsync(host, slot.Artifact.Uri))
        {
            Assert.False(report.RootElement.GetProperty("passed").GetBoolean());
            var gate = Assert.Single(report.RootElement.GetProperty("gates").EnumerateArray());
            Assert.False(gate.GetProperty("passed").GetBoolean());
            Assert.Contains("< min 0.99", gate.GetProperty("reason").GetString());
        }

        Assert.True(evaluate.Metrics["accuracy"] > 0);
        // The tracked run shows the report and the metric too.
        var tracked = await host.Get<TrackingService>().GetRunAsync(run.Run.TrackingRunId!, CancellationToken.None);
        Assert.Equal(slot.Artifact.Uri, tracked.Tags.Single(t => t.Key == "cairn.output.evaluate.report").Value);
        var copy = ArtifactUri.RunPath(tracked.Info.ExperimentId, tracked.Info.RunId) + "/evaluate/report/evaluation.json";
        Assert.True(await host.Get<IArtifactStore>().ExistsAsync(copy, CancellationToken.None));

        // Same key again: the failed execution's report is not reused, the gate is applied again.
        var again = await RunFailedAsync(host, yaml, work.Path);
        Assert.Equal(ExecutionState.Cached, again.Latest("train").State);
        Assert.Equal(ExecutionState.Failed, again.Latest("evaluate").State);
        Assert.Equal(evaluate.CacheKey, again.Latest("evaluate").CacheKey);
        Assert.NotEqual(slot.Artifact.Id, Assert.Single(again.Latest("evaluate").Outputs).Artifact.Id);
    }

    [Fact]
    public async Task FailingValidation_PublishesTheValidationReport_ButNotThePassThroughDataset()
    {
        using var home = new TempDirectory("cairn-pl");
        using var work = new TempDirectory("cairn-pl-data");
        SeattleWeather.CopyTo(work.Path);
        await using var host = await EngineHost.StartAsync(home.Path, new StepLedger());
        const string yaml = """
            name: checked
            steps:
              ingest:   { uses: data.import, with: { path: weather.csv, dataset: weather } }
              validate: { uses: data.validate, needs: [ingest], with: { label: cloud_cover } }
              after:    { uses: noop, needs: [validate] }
            """;

        var run = await RunFailedAsync(host, yaml, work.Path);
        var validate = run.Latest("validate");
        Assert.Equal(ExecutionState.Failed, validate.State);
        Assert.Contains("cloud_cover", validate.Error);
        var slot = Assert.Single(validate.Outputs);
        Assert.Equal("report", slot.Slot);
        using var report = await ReadJsonAsync(host, slot.Artifact.Uri);
        Assert.Contains("cloud_cover", report.RootElement.GetRawText());
        Assert.Equal(ExecutionState.Canceled, run.Latest("after").State);
        // Lineage: the failed execution read the imported dataset and wrote the report.
        var graph = await host.Store.GetExecutionLineageAsync(validate.Id, CancellationToken.None);
        Assert.Contains(graph.Events, e => e.ExecutionId == validate.Id && e.Kind == LineageEventKind.Output && e.ArtifactId == slot.Artifact.Id);
        Assert.Contains(graph.Events, e => e.ExecutionId == validate.Id && e.Kind == LineageEventKind.Input);
    }

    private static async Task<PipelineRunDetails> RunFailedAsync(EngineHost host, string yaml, string workingDirectory)
    {
        var run = await host.WaitAsync((await host.SubmitAsync(yaml, workingDirectory: workingDirectory)).RunId, seconds: 120);
        Assert.Equal(PipelineRunStatus.Failed, run.Run.Status);
        return run;
    }

    private static async Task<JsonDocument> ReadJsonAsync(EngineHost host, string uri)
    {
        await using var stream = await host.Get<IArtifactStore>().OpenReadAsync(uri, CancellationToken.None);
        Assert.NotNull(stream);
        return await JsonDocument.ParseAsync(stream);
    }
}
