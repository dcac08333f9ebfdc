using Cairn.Core.Errors;
using Cairn.Core.Pipelines;
using Cairn.Pipelines.Tests.Support;
using Cairn.Testing;

namespace Cairn.Pipelines.Tests.Browse;

/// <summary>The queries the web UI browses pipelines with: versions (newest first, with run counts), each pipeline's newest run, a run's DAG edges.</summary>
public sealed class BrowseQueriesTests
{
    private const string V1 = """
        name: browsed
        steps:
          a: { uses: test.count }
          b: { uses: test.count, needs: [a] }
          c: { uses: test.count, needs: [a, b] }
        """;

    [Fact]
    public async Task Versions_AreNewestFirst_WithRunCounts_AndLatestRuns_AreOnePerPipeline()
    {
        using var home = new TempDirectory("cairn-pl");
        await using var host = await EngineHost.StartAsync(home.Path, new StepLedger());

        var first = await host.WaitAsync((await host.SubmitAsync(V1)).RunId);
        await host.WaitAsync((await host.SubmitAsync(V1)).RunId);
        var v2 = V1 + "\n# a comment makes a new version\n";
        var newest = await host.WaitAsync((await host.SubmitAsync(v2)).RunId);
        var other = await host.WaitAsync((await host.SubmitAsync(V1.Replace("name: browsed", "name: other", StringComparison.Ordinal))).RunId);

        var versions = await host.Service.ListVersionsAsync("browsed", CancellationToken.None);
        Assert.Equal([newest.Run.SpecHash, first.Run.SpecHash], versions.Select(v => v.SpecHash));
        Assert.Equal([1, 2], versions.Select(v => v.RunCount));
        Assert.Equal(newest.Run.CreatedTime, versions[0].LastRunTime);
        Assert.Equal(v2, (await host.Service.GetVersionAsync(versions[0].Id, CancellationToken.None)).SpecText);

        var latest = await host.Service.ListLatestRunsAsync(CancellationToken.None);
        Assert.Equal([("browsed", newest.Run.RunId), ("other", other.Run.RunId)], latest.Select(r => (r.PipelineName, r.RunId)));

        var missing = await Assert.ThrowsAsync<CairnException>(() => host.Service.ListVersionsAsync("ghost", CancellationToken.None));
        Assert.Equal(ErrorCode.ResourceDoesNotExist, missing.Code);
    }

    [Fact]
    public async Task RunDetails_CarryEachStepsNeeds_AndCachedExecutions_LeadToTheirSource()
    {
        using var home = new TempDirectory("cairn-pl");
        await using var host = await EngineHost.StartAsync(home.Path, new StepLedger());
        var first = await host.WaitAsync((await host.SubmitAsync(V1)).RunId);
        var second = await host.WaitAsync((await host.SubmitAsync(V1)).RunId);

        Assert.Empty(second.StepNeeds["a"]);
        Assert.Equal(["a"], second.StepNeeds["b"]);
        Assert.Equal(["a", "b"], second.StepNeeds["c"]);

        var cached = second.Latest("b");
        Assert.Equal(ExecutionState.Cached, cached.State);
        var source = await host.Service.GetExecutionAsync(cached.CachedFromExecutionId!.Value, CancellationToken.None);
        Assert.Equal((first.Run.RunId, "b"), (source!.RunId, source.StepId));
    }
}
