using Cairn.Core.Pipelines;
using Cairn.Storage.Tests.Registry;

namespace Cairn.Storage.Tests.Pipelines;

/// <summary>The applied-pipeline store's rules (trigger state kept across re-applies), run on SQLite and PostgreSQL.</summary>
public abstract class AppliedPipelineStoreContract : RegistryStoreTestBase
{
    private IAppliedPipelineStore Applied => Get<IAppliedPipelineStore>();

    private static TriggerDefinitionWrite Trigger(string key) => new(key, "drift", "drift: deployment " + key, "{\"drift\":{\"deployment\":\"" + key + "\"}}");

    private static AppliedPipelineWrite Write(string name, string spec, params TriggerDefinitionWrite[] triggers) =>
        new(name, spec, "p.yaml", "/work/dir", new Dictionary<string, string> { ["trainer"] = "lightgbm" }, triggers);

    [Fact]
    public async Task Apply_StoresTheSpecAndItsTriggersInOrder()
    {
        var name = "ap-" + Guid.NewGuid().ToString("N")[..8];

        var applied = await Applied.ApplyAsync(Write(name, "spec-1", Trigger("a"), Trigger("b")), CancellationToken.None);
        var read = await Applied.GetAppliedAsync(name, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(("spec-1", "p.yaml", "/work/dir", "lightgbm", NowMs), (read.SpecText, read.FileName, read.WorkingDirectory, read.Params["trainer"], read.AppliedTime));
        Assert.Equal(["a", "b"], read.Triggers.Select(t => t.Key));
        Assert.Equal(applied.Triggers.Select(t => t.Id), read.Triggers.Select(t => t.Id));
        Assert.Contains(await Applied.ListAppliedAsync(CancellationToken.None), p => p.Name == name);
    }

    [Fact]
    public async Task Reapply_KeepsTheStateOfUnchangedTriggers_DropsRemovedOnes_AndStartsNewOnesFresh()
    {
        var name = "ap-" + Guid.NewGuid().ToString("N")[..8];
        var first = await Applied.ApplyAsync(Write(name, "spec-1", Trigger("a"), Trigger("b")), CancellationToken.None);
        var a = first.Triggers[0] with { LastFired = 10, LastRunId = "run1", CooldownUntil = 20, LastReason = "why", LastReportId = 7, Streak = 2, LastDatasetVersion = "abc", Cursor = 5, LastEvaluated = 11 };
        await Applied.SaveTriggerStateAsync(a, CancellationToken.None);
        await Applied.SaveTriggerStateAsync(first.Triggers[1] with { LastRunId = "run-b" }, CancellationToken.None);

        await Applied.ApplyAsync(Write(name, "spec-2", Trigger("c"), Trigger("a")), CancellationToken.None);
        var read = (await Applied.GetAppliedAsync(name, CancellationToken.None))!;

        Assert.Equal("spec-2", read.SpecText);
        Assert.Equal(["c", "a"], read.Triggers.Select(t => t.Key));
        Assert.Null(read.Triggers[0].LastRunId);
        Assert.Equal(a with { Position = 1 }, read.Triggers[1]);

        // Saving the state of a trigger dropped by a re-apply in between is ignored.
        await Applied.SaveTriggerStateAsync(first.Triggers[1] with { LastRunId = "late" }, CancellationToken.None);
        Assert.DoesNotContain((await Applied.GetAppliedAsync(name, CancellationToken.None))!.Triggers, t => t.LastRunId == "late");
    }
}
