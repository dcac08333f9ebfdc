using Cairn.Core.Pipelines;
using Cairn.Pipelines.Tests.Support;
using Cairn.Testing;

namespace Cairn.Pipelines.Tests.Engine;

public sealed class CachingTests
{
    // train depends on the param; prepare and report do not, but report is downstream of train.
    private const string Yaml = """
        name: cached
        params: { depth: 3 }
        steps:
          ingest:  { uses: test.count, with: { value: raw } }
          prepare: { uses: test.count, needs: [ingest], with: { value: prep } }
          train:   { uses: test.count, needs: [prepare], with: { value: "depth=${params.depth}" } }
          other:   { uses: test.count, needs: [ingest] }
          report:  { uses: test.count, needs: [train, other] }
        """;

    [Fact]
    public async Task Rerun_Unchanged_ExecutesNoStep_ParamChange_RerunsOnlyDownstream_NoCache_RunsAll()
    {
        using var home = new TempDirectory("cairn-pl");
        var ledger = new StepLedger();
        await using var host = await EngineHost.StartAsync(home.Path, ledger);

        var first = await host.WaitAsync((await host.SubmitAsync(Yaml)).RunId);
        Assert.Equal(PipelineRunStatus.Complete, first.Run.Status);
        Assert.All(first.States().Values, s => Assert.Equal(ExecutionState.Complete, s));
        Assert.Equal(5, ledger.Total);

        var second = await host.WaitAsync((await host.SubmitAsync(Yaml)).RunId);
        Assert.Equal(PipelineRunStatus.Complete, second.Run.Status);
        Assert.All(second.States().Values, s => Assert.Equal(ExecutionState.Cached, s));
        Assert.Equal(5, ledger.Total);
        // A cached execution points at the very artifacts of the original one.
        Assert.Equal(first.Latest("train").Outputs.Single().Artifact.Id, second.Latest("train").Outputs.Single().Artifact.Id);

        var third = await host.WaitAsync((await host.SubmitAsync(Yaml, new Dictionary<string, string> { ["depth"] = "4" })).RunId);
        var states = third.States();
        Assert.Equal(ExecutionState.Cached, states["ingest"]);
        Assert.Equal(ExecutionState.Cached, states["prepare"]);
        Assert.Equal(ExecutionState.Cached, states["other"]);
        Assert.Equal(ExecutionState.Complete, states["train"]);
        Assert.Equal(ExecutionState.Complete, states["report"]);
        Assert.Equal(2, ledger.Count("train"));
        Assert.Equal(2, ledger.Count("report"));
        Assert.Equal(1, ledger.Count("ingest"));

        var fourth = await host.WaitAsync((await host.SubmitAsync(Yaml, noCache: true)).RunId);
        Assert.All(fourth.States().Values, s => Assert.Equal(ExecutionState.Complete, s));
        Assert.Equal(12, ledger.Total);
    }

    [Fact]
    public async Task CacheHit_NeedsOutputsThatStillExist_AndPerStepCacheFalse_AlwaysRuns()
    {
        using var home = new TempDirectory("cairn-pl");
        var ledger = new StepLedger();
        await using var host = await EngineHost.StartAsync(home.Path, ledger);
        const string yaml = """
            name: partial
            steps:
              a: { uses: test.count, with: { value: a } }
              b: { uses: test.count, cache: false, with: { value: b } }
            """;
        var first = await host.WaitAsync((await host.SubmitAsync(yaml)).RunId);
        // Losing a's published output makes its cache entry unusable.
        var uri = first.Latest("a").Outputs.Single().Artifact.Uri;
        File.Delete(Path.Combine(home.Path, "artifacts", uri));

        var second = await host.WaitAsync((await host.SubmitAsync(yaml)).RunId);
        Assert.Equal(ExecutionState.Complete, second.Latest("a").State);
        Assert.Equal(ExecutionState.Complete, second.Latest("b").State);
        Assert.Equal(2, ledger.Count("a"));
        Assert.Equal(2, ledger.Count("b"));
        Assert.Equal(first.Latest("a").CacheKey, second.Latest("a").CacheKey);
    }
}
