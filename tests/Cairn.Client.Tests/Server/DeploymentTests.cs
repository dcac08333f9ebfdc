using System.Net;
using Cairn.Contracts.Native.Deployments;
using Cairn.Testing.Deployments;

namespace Cairn.Client.Tests.Server;

[CollectionDefinition(Name)]
public sealed class DeploymentServerCollection : ICollectionFixture<DeploymentsServerFixture>
{
    public const string Name = "client against a server with registered models";
}

/// <summary>The SDK's deployment calls against a real server with real models.</summary>
[Collection(DeploymentServerCollection.Name)]
public sealed class DeploymentTests(DeploymentsServerFixture server)
{
    [Fact]
    public async Task DeploymentCalls_ChangeTrafficAndRecordTheClientsUser()
    {
        using var client = new CairnClient(server.BaseAddress, new CairnClientOptions { UserId = "sdk-user" });
        var name = "sdk-" + Guid.NewGuid().ToString("N")[..8];

        var created = await client.CreateDeploymentAsync(new CreateDeploymentRequest(name,
        [
            new DeploymentVariantDto("champion", server.Model, Alias: "champion", Weight: 90),
            new DeploymentVariantDto("challenger", server.Model, Version: 2, Weight: 10),
        ], Reason: "launch"));
        var weighted = await client.SetDeploymentWeightsAsync(name, new Dictionary<string, int> { ["champion"] = 20, ["challenger"] = 80 }, "canary looks good", created.Revision);
        var promoted = await client.PromoteDeploymentVariantAsync(name, "challenger", reason: "winner");
        var rolledBack = await client.RollbackDeploymentAsync(name, reason: "regression");
        var paused = await client.PauseDeploymentAsync(name);
        var resumed = await client.ResumeDeploymentAsync(name);
        var updated = await client.UpdateDeploymentAsync(name, new UpdateDeploymentRequest(Description: "weather"));
        var listed = await client.ListDeploymentsAsync();
        var events = await client.ListDeploymentEventsAsync(name);
        await client.DeleteDeploymentAsync(name, "done");
        var gone = await Assert.ThrowsAsync<CairnApiException>(() => client.GetDeploymentAsync(name));

        Assert.Equal(1L, created.Variants[0].Version);
        Assert.Equal([20, 80], weighted.Variants.Select(v => v.Weight ?? -1));
        Assert.Equal(["challenger"], promoted.Variants.Select(v => v.Name));
        Assert.Equal(["champion", "challenger"], rolledBack.Variants.Select(v => v.Name));
        Assert.Equal(("PAUSED", "ACTIVE"), (paused.Status, resumed.Status));
        Assert.Equal("weather", updated.Description);
        Assert.Contains(listed, d => d.Name == name);
        Assert.All(events, e => Assert.Equal("sdk-user", e.Actor));
        Assert.Equal(["update", "resume", "pause", "rollback", "promote", "set_weights", "create"], events.Select(e => e.Action));
        Assert.Equal((HttpStatusCode.NotFound, "RESOURCE_DOES_NOT_EXIST"), (gone.StatusCode, gone.ErrorCode));
    }

    [Fact]
    public async Task StaleRevision_IsAConflict()
    {
        using var client = new CairnClient(server.BaseAddress);
        var name = "sdk-" + Guid.NewGuid().ToString("N")[..8];
        await client.CreateDeploymentAsync(new CreateDeploymentRequest(name, [new DeploymentVariantDto("a", server.Model, Version: 1)]));
        await client.PauseDeploymentAsync(name, revision: 1);

        var stale = await Assert.ThrowsAsync<CairnApiException>(() => client.ResumeDeploymentAsync(name, revision: 1));

        Assert.Equal((HttpStatusCode.Conflict, "RESOURCE_CONFLICT"), (stale.StatusCode, stale.ErrorCode));
    }
}
