using Cairn.Core;
using Cairn.Core.Pipelines;
using Cairn.Core.Tracking;
using Cairn.Pipelines.Tests.Support;
using Cairn.Pipelines.Tracking;
using Cairn.Testing;
using Cairn.Tracking;

namespace Cairn.Pipelines.Tests.Tracking;

public sealed class TrackerIdempotenceTests
{
    [Fact]
    public async Task EnsureStarted_LinksOnce_AndAdoptsATrackedRunLeftUnlinkedByACrash()
    {
        using var home = new TempDirectory("cairn-pl");
        await using var host = await EngineHost.StartAsync(home.Path, new StepLedger());
        var store = host.Store;
        var tracker = host.Get<PipelineRunTracker>();
        var tracking = host.Get<TrackingService>();
        var version = await store.GetOrCreateVersionAsync("adopt", "hash", "name: adopt\nsteps:\n  a: { uses: noop }\n", CancellationToken.None);
        var run = await store.CreateRunAsync(new NewPipelineRun(version.Id, new Dictionary<string, string>(), "manual", false), CancellationToken.None);

        // A crash between creating the tracked run and linking it leaves this behind.
        var experimentId = await tracking.CreateExperimentAsync(PipelineRunTracker.ExperimentName("adopt"), null, [], CancellationToken.None);
        var orphan = await tracking.CreateRunAsync(new NewRun { ExperimentId = experimentId, Tags = [new KeyValue(PipelineRunTracker.PipelineRunTag, run.RunId)] }, CancellationToken.None);

        var linked = await tracker.EnsureStartedAsync(run, CancellationToken.None);
        var again = await tracker.EnsureStartedAsync((await store.GetRunAsync(run.RunId, CancellationToken.None))!, CancellationToken.None);

        Assert.Equal(orphan.Info.RunId, linked);
        Assert.Equal(linked, again);
        Assert.Equal(linked, (await store.GetRunAsync(run.RunId, CancellationToken.None))!.TrackingRunId);
        var all = await tracking.SearchRunsAsync([experimentId], null, null, "ALL", 100, null, CancellationToken.None);
        Assert.Single(all.Items);
        Assert.Equal(linked, await store.SetTrackingRunIdAsync(run.RunId, "another", CancellationToken.None)); // The first link wins.
    }
}
