using Cairn.Core.Errors;
using Cairn.Core.Serving;
using Cairn.Storage.Tests.Registry;

namespace Cairn.Storage.Tests.Serving;

/// <summary>The deployment and feedback stores' rules, run on SQLite and PostgreSQL.</summary>
public abstract class ServingStoreContract : RegistryStoreTestBase
{
    private IDeploymentStore Deployments => Get<IDeploymentStore>();

    private IFeedbackStore Feedback => Get<IFeedbackStore>();

    private static string UniqueName() => "dep-" + Guid.NewGuid().ToString("N")[..12];

    private static DeploymentVariant Variant(string name, long version, int weight, VariantMode mode = VariantMode.Live) =>
        new() { Name = name, Model = "churn", Version = version, Weight = weight, Mode = mode, Alias = mode == VariantMode.Live ? "champion" : null };

    private Deployment NewDeployment(string name, params DeploymentVariant[] variants) => new()
    {
        Name = name, Description = "d", StickyKey = "header:X-User", Variants = variants, CreationTimestamp = NowMs, LastUpdatedTimestamp = NowMs,
    };

    private DeploymentEvent Event(string name, string action, params DeploymentVariant[] variants) => new()
    {
        Deployment = name, Timestamp = NowMs, Actor = "alice", Action = action, Reason = "why " + action, Variants = variants,
    };

    [Fact]
    public async Task Create_StoresVariantsAndTheCreateEvent()
    {
        var name = UniqueName();
        var variants = new[] { Variant("a", 1, 90), Variant("b", 2, 10), Variant("s", 3, 0, VariantMode.Shadow) };

        var created = await Deployments.CreateAsync(NewDeployment(name, variants), Event(name, "create", variants), CancellationToken.None);
        var read = await Deployments.GetAsync(name, CancellationToken.None);
        var events = await Deployments.ListEventsAsync(name, 10, CancellationToken.None);

        Assert.Equal(1, created.Revision);
        Assert.NotNull(read);
        Assert.Equal(variants, read.Variants);
        Assert.Equal("header:X-User", read.StickyKey);
        Assert.Equal(1, read.Revision);
        var only = Assert.Single(events);
        Assert.Equal(("create", "alice", "why create", 1L), (only.Action, only.Actor, only.Reason, only.Sequence));
        Assert.Equal(variants, only.Variants);
    }

    [Fact]
    public async Task Create_WithATakenName_IsAlreadyExistsAndAddsNoEvent()
    {
        var name = UniqueName();
        await Deployments.CreateAsync(NewDeployment(name, Variant("a", 1, 100)), Event(name, "create"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<CairnException>(() =>
            Deployments.CreateAsync(NewDeployment(name, Variant("a", 2, 100)), Event(name, "create"), CancellationToken.None));

        Assert.Equal(ErrorCode.ResourceAlreadyExists, error.Code);
        Assert.Single(await Deployments.ListEventsAsync(name, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Update_WithTheCurrentRevision_BumpsItAndAppendsTheEvent()
    {
        var name = UniqueName();
        var created = await Deployments.CreateAsync(NewDeployment(name, Variant("a", 1, 100)), Event(name, "create"), CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(3));
        var next = created with { Variants = [Variant("a", 1, 50), Variant("b", 2, 50)], LastUpdatedTimestamp = NowMs };

        var updated = await Deployments.UpdateAsync(next, 1, Event(name, "set_weights", [.. next.Variants]), CancellationToken.None);
        var events = await Deployments.ListEventsAsync(name, 10, CancellationToken.None);

        Assert.Equal(2, updated.Revision);
        Assert.Equal(NowMs, updated.LastUpdatedTimestamp);
        Assert.Equal([50, 50], updated.Variants.Select(v => v.Weight));
        Assert.Equal(["set_weights", "create"], events.Select(e => e.Action));
        Assert.Equal([2L, 1L], events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Update_WithAStaleRevision_IsAConflictAndWritesNothing()
    {
        var name = UniqueName();
        var created = await Deployments.CreateAsync(NewDeployment(name, Variant("a", 1, 100)), Event(name, "create"), CancellationToken.None);
        await Deployments.UpdateAsync(created with { Status = DeploymentStatus.Paused }, 1, Event(name, "pause"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<CairnException>(() =>
            Deployments.UpdateAsync(created with { Variants = [Variant("a", 9, 100)] }, 1, Event(name, "update"), CancellationToken.None));
        var read = await Deployments.GetAsync(name, CancellationToken.None);

        Assert.Equal(ErrorCode.ResourceConflict, error.Code);
        Assert.Contains("revision", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, read!.Variants[0].Version);
        Assert.Equal(DeploymentStatus.Paused, read.Status);
        Assert.Equal(2, (await Deployments.ListEventsAsync(name, 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ConcurrentUpdates_FromOneRevision_ExactlyOneWins()
    {
        var name = UniqueName();
        var created = await Deployments.CreateAsync(NewDeployment(name, Variant("a", 1, 100)), Event(name, "create"), CancellationToken.None);

        var attempts = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            try
            {
                await Deployments.UpdateAsync(created with { Variants = [Variant("a", i + 2, 100)] }, 1, Event(name, "update"), CancellationToken.None);
                return true;
            }
            catch (CairnException e) when (e.Code == ErrorCode.ResourceConflict)
            {
                return false;
            }
        })).ToList();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r));
        Assert.Equal(2, (await Deployments.GetAsync(name, CancellationToken.None))!.Revision);
        Assert.Equal(2, (await Deployments.ListEventsAsync(name, 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task UpdateOrDelete_OfAnUnknownDeployment_IsNotFound()
    {
        var name = UniqueName();
        var ghost = NewDeployment(name, Variant("a", 1, 100));

        var update = await Assert.ThrowsAsync<CairnException>(() => Deployments.UpdateAsync(ghost, 1, Event(name, "update"), CancellationToken.None));
        var delete = await Assert.ThrowsAsync<CairnException>(() => Deployments.DeleteAsync(name, Event(name, "delete"), CancellationToken.None));

        Assert.Equal(ErrorCode.ResourceDoesNotExist, update.Code);
        Assert.Equal(ErrorCode.ResourceDoesNotExist, delete.Code);
        Assert.Empty(await Deployments.ListEventsAsync(name, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_KeepsTheHistory_AndARecreatedNameContinuesIt()
    {
        var name = UniqueName();
        await Deployments.CreateAsync(NewDeployment(name, Variant("a", 1, 100)), Event(name, "create"), CancellationToken.None);

        await Deployments.DeleteAsync(name, Event(name, "delete"), CancellationToken.None);
        var gone = await Deployments.GetAsync(name, CancellationToken.None);
        await Deployments.CreateAsync(NewDeployment(name, Variant("a", 2, 100)), Event(name, "create"), CancellationToken.None);
        var events = await Deployments.ListEventsAsync(name, 2, CancellationToken.None);

        Assert.Null(gone);
        Assert.Equal([("create", 3L), ("delete", 2L)], events.Select(e => (e.Action, e.Sequence)));
        Assert.Contains(await Deployments.ListAsync(CancellationToken.None), d => d.Name == name);
    }

    [Fact]
    public async Task Feedback_RepeatedRequestId_KeepsTheLatest()
    {
        var name = UniqueName();
        await Feedback.AddAsync(
        [
            new Feedback { Deployment = name, RequestId = "r1", Timestamp = 10, Actual = "rain" },
            new Feedback { Deployment = name, RequestId = "r2", Timestamp = 11, Outcome = "bought", Value = 1 },
            new Feedback { Deployment = name, RequestId = "r1", Timestamp = 12, Actual = "sun" },
        ], CancellationToken.None);
        await Feedback.AddAsync([new Feedback { Deployment = name, RequestId = "r2", Timestamp = 20, Outcome = "returned", Value = -1 }], CancellationToken.None);

        var found = await Feedback.GetAsync(name, ["r1", "r2", "missing"], CancellationToken.None);
        var other = await Feedback.GetAsync("other-" + name, ["r1"], CancellationToken.None);

        Assert.Equal(2, found.Count);
        Assert.Equal(("sun", 12L), (found["r1"].Actual, found["r1"].Timestamp));
        Assert.Equal(("returned", -1.0), (found["r2"].Outcome, found["r2"].Value));
        Assert.Empty(other);
    }

    [Fact]
    public async Task Feedback_ListsAWindowOldestFirst()
    {
        var name = UniqueName();
        await Feedback.AddAsync([.. Enumerable.Range(0, 10).Select(i => new Feedback { Deployment = name, RequestId = $"r{i}", Timestamp = 100 + i, Actual = "x" })], CancellationToken.None);

        var window = await Feedback.ListAsync(name, 102, 108, 3, CancellationToken.None);

        Assert.Equal(["r2", "r3", "r4"], window.Select(f => f.RequestId));
    }
}
