using Cairn.Core.Artifacts;
using Cairn.Core.Pipelines;
using Cairn.Core.Tracking;
using Cairn.Pipelines.Tests.Support;
using Cairn.Testing;
using Cairn.Tracking;

namespace Cairn.Pipelines.Tests.Tracking;

public sealed class TrackedRunTests
{
    private const string Yaml = """
        name: tracked
        params: { depth: 3, rate: "0.5" }
        steps:
          prep:  { uses: noop }
          score: { uses: test.metric, needs: [prep], with: { score: 0.75 } }
          last:  { uses: test.count, needs: [score], with: { value: "d=${params.depth}" } }
        """;

    [Fact]
    public async Task CompletedRun_IsATrackedRunWithParamsPrefixedMetricsStepTagsArtifactsAndFinishedStatus()
    {
        using var home = new TempDirectory("cairn-pl");
        await using var host = await EngineHost.StartAsync(home.Path, new StepLedger());
        var run = await host.WaitAsync((await host.SubmitAsync(Yaml)).RunId);
        Assert.Equal(PipelineRunStatus.Complete, run.Run.Status);

        var tracked = await TrackedRunAsync(host, run.Run);
        var experiment = await host.Get<TrackingService>().Store.GetExperimentByNameAsync("pipeline:tracked", CancellationToken.None);
        Assert.Equal(experiment.ExperimentId, tracked.Info.ExperimentId);
        Assert.Equal($"tracked-{run.Run.RunId[..8]}", tracked.Info.RunName);
        Assert.Equal(RunStatus.Finished, tracked.Info.Status);
        Assert.NotNull(tracked.Info.EndTime);
        Assert.Equal("3", Param(tracked, "depth"));
        Assert.Equal("0.5", Param(tracked, "rate"));
        Assert.Equal(run.Run.RunId, Tag(tracked, "cairn.pipeline_run"));
        Assert.Equal("tracked", Tag(tracked, "cairn.pipeline"));
        Assert.Equal(run.Run.SpecHash, Tag(tracked, "cairn.pipeline_version"));
        Assert.Equal("PIPELINE", Tag(tracked, "mlflow.source.type"));
        Assert.Equal("COMPLETE", Tag(tracked, "cairn.step.prep"));
        Assert.Equal("COMPLETE", Tag(tracked, "cairn.step.score"));
        Assert.Equal("COMPLETE", Tag(tracked, "cairn.step.last"));
        Assert.Equal(0.75, Metric(tracked, "score.macro_f1"));
        Assert.Equal(0.75, Metric(tracked, "macro_f1"));
        Assert.Equal(42, Metric(tracked, "score.rows"));
        var dataset = Assert.Single(tracked.DatasetInputs).Dataset;
        Assert.Equal("scores", dataset.Name);
        Assert.Equal($"cairn-dataset:scores@{new string('a', 64)}", dataset.Source);

        var artifacts = host.Get<IArtifactStore>();
        var root = ArtifactUri.RunPath(tracked.Info.ExperimentId, tracked.Info.RunId);
        await using (var spec = await artifacts.OpenReadAsync(root + "/pipeline.yaml", CancellationToken.None))
        {
            Assert.NotNull(spec);
            Assert.Contains("name: tracked", await new StreamReader(spec).ReadToEndAsync());
        }

        await using var report = await artifacts.OpenReadAsync(root + "/score/report/report.json", CancellationToken.None);
        Assert.NotNull(report);
        Assert.Contains("0.75", await new StreamReader(report).ReadToEndAsync());
    }

    [Fact]
    public async Task FullyCachedRerun_IsANewTrackedRunWithTheCachedMetricsRelogged()
    {
        using var home = new TempDirectory("cairn-pl");
        var ledger = new StepLedger();
        await using var host = await EngineHost.StartAsync(home.Path, ledger);
        var first = await host.WaitAsync((await host.SubmitAsync(Yaml)).RunId);
        var second = await host.WaitAsync((await host.SubmitAsync(Yaml)).RunId);

        Assert.All(second.Executions, e => Assert.Equal(ExecutionState.Cached, e.State));
        Assert.Equal(1, ledger.Count("score"));
        var a = await TrackedRunAsync(host, first.Run);
        var b = await TrackedRunAsync(host, second.Run);
        Assert.NotEqual(a.Info.RunId, b.Info.RunId);
        Assert.Equal(RunStatus.Finished, b.Info.Status);
        Assert.Equal("CACHED", Tag(b, "cairn.step.score"));
        Assert.Equal(0.75, Metric(b, "score.macro_f1"));
        Assert.Equal(0.75, Metric(b, "macro_f1"));
        Assert.Equal(0.75, Assert.Single(second.Executions, e => e.StepId == "score").Metrics["macro_f1"]);
    }

    [Fact]
    public async Task FailingStep_MarksTheTrackedRunFailedWithTheStepTag()
    {
        using var home = new TempDirectory("cairn-pl");
        await using var host = await EngineHost.StartAsync(home.Path, new StepLedger());
        const string yaml = """
            name: tracked-fail
            steps:
              ok:  { uses: test.metric, with: { score: 0.5 } }
              bad: { uses: test.fail, needs: [ok], with: { message: "gate failed" } }
            """;
        var run = await host.WaitAsync((await host.SubmitAsync(yaml)).RunId);
        Assert.Equal(PipelineRunStatus.Failed, run.Run.Status);

        var tracked = await TrackedRunAsync(host, run.Run);
        Assert.Equal(RunStatus.Failed, tracked.Info.Status);
        Assert.NotNull(tracked.Info.EndTime);
        Assert.Equal("COMPLETE", Tag(tracked, "cairn.step.ok"));
        Assert.Equal("FAILED", Tag(tracked, "cairn.step.bad"));
        Assert.Contains("gate failed", Tag(tracked, "cairn.error"));
    }

    [Fact]
    public async Task CanceledRun_MarksTheTrackedRunKilled()
    {
        using var home = new TempDirectory("cairn-pl");
        var ledger = new StepLedger();
        await using var host = await EngineHost.StartAsync(home.Path, ledger);
        const string yaml = """
            name: tracked-cancel
            steps:
              slow: { uses: test.block }
            """;
        var runId = (await host.SubmitAsync(yaml)).RunId;
        await EngineHost.UntilAsync(() => ledger.Started.ContainsKey("slow"), "the blocking step to start");
        var canceled = await host.Service.CancelAsync(runId, CancellationToken.None);

        Assert.Equal(PipelineRunStatus.Canceled, canceled.Run.Status);
        var tracked = await TrackedRunAsync(host, canceled.Run);
        Assert.Equal(RunStatus.Killed, tracked.Info.Status);
        Assert.NotNull(tracked.Info.EndTime);
    }

    [Fact]
    public async Task ResumedRun_ReusesItsTrackedRun()
    {
        using var home = new TempDirectory("cairn-pl");
        var ledger = new StepLedger();
        const string yaml = """
            name: tracked-resume
            steps:
              first: { uses: test.metric, with: { score: 0.9 } }
              slow:  { uses: test.block, needs: [first] }
            """;
        string runId;
        string? trackedBefore;
        await using (var host = await EngineHost.StartAsync(home.Path, ledger))
        {
            runId = (await host.SubmitAsync(yaml)).RunId;
            await EngineHost.UntilAsync(() => ledger.Started.ContainsKey("slow"), "the blocking step to start");
            trackedBefore = (await host.Store.GetRunAsync(runId, CancellationToken.None))!.TrackingRunId;
        }

        Assert.NotNull(trackedBefore);
        ledger.Gate.SetResult();
        await using (var host = await EngineHost.StartAsync(home.Path, ledger))
        {
            var run = await host.WaitAsync(runId);
            Assert.Equal(trackedBefore, run.Run.TrackingRunId);
            var tracking = host.Get<TrackingService>();
            var tracked = await tracking.GetRunAsync(trackedBefore, CancellationToken.None);
            var all = await tracking.SearchRunsAsync([tracked.Info.ExperimentId], null, null, "ALL", 100, null, CancellationToken.None);
            Assert.Equal(trackedBefore, Assert.Single(all.Items).Info.RunId);
            Assert.Equal(RunStatus.Finished, tracked.Info.Status);
            Assert.Equal(0.9, Metric(tracked, "first.macro_f1"));
        }
    }

    private static async Task<Run> TrackedRunAsync(EngineHost host, PipelineRunInfo run)
    {
        Assert.NotNull(run.TrackingRunId);
        return await host.Get<TrackingService>().GetRunAsync(run.TrackingRunId, CancellationToken.None);
    }

    private static string? Param(Run run, string key) => run.Params.FirstOrDefault(p => p.Key == key)?.Value;

    private static string? Tag(Run run, string key) => run.Tags.FirstOrDefault(p => p.Key == key)?.Value;

    private static double? Metric(Run run, string key) => run.Metrics.FirstOrDefault(m => m.Key == key)?.Value;
}
