using System.Text.Json.Nodes;
using Cairn.Core.Pipelines;
using Cairn.Pipelines.Engine;
using Cairn.Pipelines.Steps;
using Cairn.Pipelines.Tests.Support;
using Cairn.Testing;

namespace Cairn.Pipelines.Tests.Engine;

/// <summary>The engine's <see cref="ICacheKeyContributor"/> hook, with a test step whose "world" lives outside the pipeline.</summary>
public sealed class ExternalIdentityTests
{
    private const string Yaml = """
        name: world
        steps:
          fixed:   { uses: test.count, with: { value: same } }
          observe: { uses: test.external, needs: [fixed] }
          after:   { uses: test.count, needs: [observe] }
        """;

    [Fact]
    public async Task ChangedExternalState_RerunsTheStepAndDownstream_UnchangedIsCached_ANoCacheRunStillRecordsTheKey()
    {
        using var home = new TempDirectory("cairn-pl");
        var ledger = new StepLedger();
        await using var host = await EngineHost.StartAsync(home.Path, ledger);

        var first = await host.WaitAsync((await host.SubmitAsync(Yaml)).RunId);
        Assert.Equal(PipelineRunStatus.Complete, first.Run.Status);
        Assert.Contains("cache key: world = v1", first.Latest("observe").Log);
        var same = await host.WaitAsync((await host.SubmitAsync(Yaml)).RunId);
        Assert.All(same.States().Values, s => Assert.Equal(ExecutionState.Cached, s));

        ledger.World = "v2";
        var changed = await host.WaitAsync((await host.SubmitAsync(Yaml)).RunId);
        Assert.Equal(ExecutionState.Cached, changed.Latest("fixed").State);
        Assert.Equal(ExecutionState.Complete, changed.Latest("observe").State);
        Assert.Equal(ExecutionState.Complete, changed.Latest("after").State);
        Assert.Equal((1, 2, 2), (ledger.Count("fixed"), ledger.Count("observe"), ledger.Count("after")));

        // A --no-cache run under v3 records the v3 key, so a later cached run under v3 reuses it.
        ledger.World = "v3";
        var forced = await host.WaitAsync((await host.SubmitAsync(Yaml, noCache: true)).RunId);
        var reused = await host.WaitAsync((await host.SubmitAsync(Yaml)).RunId);
        Assert.Equal(ExecutionState.Cached, reused.Latest("observe").State);
        Assert.Equal(forced.Latest("observe").Id, reused.Latest("observe").CachedFromExecutionId);
    }

    [Fact]
    public async Task AFailingLookup_FailsTheStepWithTheReason_AndNothingDownstreamRuns()
    {
        using var home = new TempDirectory("cairn-pl");
        var ledger = new StepLedger { World = "throw" };
        await using var host = await EngineHost.StartAsync(home.Path, ledger);

        var run = await host.WaitAsync((await host.SubmitAsync(Yaml)).RunId);
        Assert.Equal(PipelineRunStatus.Failed, run.Run.Status);
        Assert.Equal(ExecutionState.Failed, run.Latest("observe").State);
        Assert.Contains("the world is unreachable", run.Latest("observe").Error);
        Assert.Equal(ExecutionState.Canceled, run.Latest("after").State);
        Assert.Equal(0, ledger.Count("observe"));
    }

    [Fact]
    public void StepsWithoutExternalState_KeepTheirKeys_AndAnIdentityChangesTheKey()
    {
        var step = new NoopStep();
        var config = new JsonObject { ["a"] = 1 };
        var plain = CacheKeys.Compute(step, config, []);
        Assert.Equal(plain, CacheKeys.Compute(step, config, [], new Dictionary<string, string>()));
        var withFile = CacheKeys.Compute(step, config, [], new Dictionary<string, string> { ["path"] = "sha256:aa" });
        Assert.NotEqual(plain, withFile);
        Assert.NotEqual(withFile, CacheKeys.Compute(step, config, [], new Dictionary<string, string> { ["path"] = "sha256:bb" }));
    }
}
