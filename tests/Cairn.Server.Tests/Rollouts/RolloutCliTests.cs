using Cairn.Cli;
using Cairn.Testing.Deployments;

namespace Cairn.Server.Tests.Rollouts;

/// <summary><c>cairn rollout</c> against the real server.</summary>
[Collection(RolloutsCollection.Name)]
public sealed class RolloutCliTests(DeploymentsServerFixture server)
{
    [Fact]
    public async Task StartStatusPauseAbortList_PrintTheRolloutAndItsTimeline()
    {
        var name = "rc-" + Guid.NewGuid().ToString("N")[..8];
        var (created, _) = await server.PostAsync("/api/v1/deployments", new { name, variants = new[] { new { name = "main", model = server.Model, version = 1 } } });
        Assert.Equal(201, created);

        var (start, startOut, startErr) = await RunAsync("rollout", "start", name, "--model", server.Model, "--version", "2", "--steps", "20,100", "--interval", "2m", "--min-samples", "50", "--user", "carol");
        var (pause, _, _) = await RunAsync("rollout", "pause", name, "--reason", "lunch");
        var (status, statusOut, _) = await RunAsync("rollout", "status", name);
        var (abort, _, _) = await RunAsync("rollout", "abort", name);
        var (again, _, againErr) = await RunAsync("rollout", "abort", name);
        var (list, listOut, _) = await RunAsync("rollout", "list", "--deployment", name);
        var (json, jsonOut, _) = await RunAsync("rollout", "status", name, "--json");
        var (usage, _, usageErr) = await RunAsync("rollout", "start", name, "--model", server.Model, "--version", "2", "--interval", "soon");

        Assert.True(start == 0, startErr);
        Assert.Contains("Started rollout", startOut, StringComparison.Ordinal);
        Assert.Contains("1/2 at 20% (steps 20,100)", startOut, StringComparison.Ordinal);
        Assert.Contains("interval 120s, min_samples 50", startOut, StringComparison.Ordinal);
        Assert.Equal(0, pause);
        Assert.Equal(0, status);
        Assert.Contains("PAUSED", statusOut, StringComparison.Ordinal);
        Assert.Contains("ACTION", statusOut, StringComparison.Ordinal);
        Assert.Contains("started by carol", statusOut, StringComparison.Ordinal);
        Assert.Contains("lunch", statusOut, StringComparison.Ordinal);
        Assert.Equal(0, abort);
        Assert.Equal(1, again);
        Assert.Contains("RESOURCE_CONFLICT", againErr, StringComparison.Ordinal);
        Assert.Equal(0, list);
        Assert.Contains("ABORTED", listOut, StringComparison.Ordinal);
        Assert.Equal(0, json);
        Assert.Contains("\"state\": \"ABORTED\"", jsonOut, StringComparison.Ordinal);
        Assert.Contains("\"action\": \"abort\"", jsonOut, StringComparison.Ordinal);
        Assert.Equal(2, usage);
        Assert.Contains("--interval", usageErr, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CairnCli.RunAsync([.. args, "--server", server.BaseAddress.ToString()], stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
