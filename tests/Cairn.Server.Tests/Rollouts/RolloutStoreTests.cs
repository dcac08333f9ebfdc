using Cairn.Core.Errors;
using Cairn.Core.Monitoring;
using Cairn.Testing.Deployments;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Server.Tests.Rollouts;

/// <summary>The rollout store on the server's real metadata database.</summary>
[Collection(RolloutsCollection.Name)]
public sealed class RolloutStoreTests(DeploymentsServerFixture server)
{
    private IRolloutStore Store => server.Services.GetRequiredService<IRolloutStore>();

    private static Rollout New(string deployment) => new()
    {
        Deployment = deployment, Model = "m", Version = 2, CandidateVariant = "canary",
        Champions = [new() { Name = "main", Model = "m", Version = 1, Weight = 100 }],
        Policy = new RolloutPolicy { Steps = [5, 100], MinSamples = 7 }, Weight = 5, StepStartedAt = 10, Actor = "a", Trigger = "t", CreatedAt = 10, UpdatedAt = 10,
    };

    private static RolloutDecision Decision(RolloutAction action, RolloutNumbers? numbers = null) => new() { Timestamp = 11, Action = action, Actor = "a", Reason = "why", Numbers = numbers };

    [Fact]
    public async Task OneActiveRolloutPerDeployment_AndAnEndedOneDoesNotCount()
    {
        var deployment = "st-" + Guid.NewGuid().ToString("N")[..8];
        var first = await Store.CreateAsync(New(deployment), Decision(RolloutAction.Start), CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<CairnException>(() => Store.CreateAsync(New(deployment), Decision(RolloutAction.Start), CancellationToken.None));
        var numbers = new RolloutNumbers
        {
            Candidate = new() { Requests = 10, Errors = 1, P99Ms = 3.5, Labelled = 8, MetricValue = 0.5 },
            Champion = new() { Requests = 90, Labelled = 70, MetricValue = 0.9 },
            Metric = "accuracy", Test = "two-proportion-z", Statistic = -3.1, PValue = 0.002, MaxDrop = 0.02, Alpha = 0.05, MaxErrorRate = 0.01, MaxP99Ms = 500, MinSamples = 7,
        };
        var ended = await Store.UpdateAsync(first with { State = RolloutState.RolledBack, Weight = 0, Failures = 1 }, first.Revision, Decision(RolloutAction.Rollback, numbers), CancellationToken.None);
        var stale = await Assert.ThrowsAsync<CairnException>(() => Store.UpdateAsync(first with { State = RolloutState.Paused }, first.Revision, Decision(RolloutAction.Pause), CancellationToken.None));
        var second = await Store.CreateAsync(New(deployment), Decision(RolloutAction.Start), CancellationToken.None);
        var decisions = await Store.ListDecisionsAsync(first.Id, CancellationToken.None);

        Assert.Equal(ErrorCode.ResourceConflict, conflict.Code);
        Assert.Equal(ErrorCode.ResourceConflict, stale.Code);
        Assert.Equal(RolloutState.RolledBack, ended.State);
        Assert.Equal(2, ended.Revision);
        Assert.Equal([5, 100], ended.Policy.Steps);
        Assert.Equal(7, ended.Policy.MinSamples);
        Assert.Equal("main", Assert.Single(ended.Champions).Name);
        Assert.Equal(second.Id, (await Store.CurrentAsync(deployment, CancellationToken.None))!.Id);
        Assert.Equal([RolloutAction.Start, RolloutAction.Rollback], decisions.Select(d => d.Action));
        Assert.Equal(numbers, decisions[1].Numbers);
        Assert.Equal(0.1, decisions[1].Numbers!.Candidate.ErrorRate, 10);
        Assert.Equal(2, (await Store.ListAsync(deployment, 10, CancellationToken.None)).Count);
        Assert.Contains(await Store.ListProgressingAsync(CancellationToken.None), r => r.Id == second.Id);
    }
}
