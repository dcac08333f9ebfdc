using Cairn.Monitoring.Rollouts;
using Cairn.Testing.Deployments;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Server.Tests.Rollouts;

/// <summary>A rollout survives a server restart: the new process restarts the step's window (it has no counters of its beginning). Owns its server.</summary>
public sealed class RolloutRestartTests : IAsyncLifetime
{
    private readonly DeploymentsServerFixture _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task AfterARestart_TheControllerHolds_AndRestartsTheStepWindow()
    {
        var name = "rr-" + Guid.NewGuid().ToString("N")[..8];
        await _server.PostAsync("/api/v1/deployments", new { name, variants = new[] { new { name = "main", model = _server.Model, version = 1 } } });
        var (started, body) = await _server.PostAsync($"/api/v1/deployments/{name}/rollout", new { model = _server.Model, version = 2, policy = new { steps = new[] { 10, 100 }, interval_seconds = 0 } });
        Assert.True(started == 201, body.ToString());
        var before = body.GetProperty("rollout").GetProperty("step_started_at").GetInt64();

        await _server.RestartAsync();
        await _server.Services.GetRequiredService<RolloutController>().TickAsync(CancellationToken.None);
        var (_, after) = await _server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{name}/rollout");

        // The first analysis after the restart (this pass, or the background loop's if it came first) restarts the window.
        var rollout = after.GetProperty("rollout");
        var actions = rollout.GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal("start", actions[0].GetProperty("action").GetString());
        Assert.Equal("hold", actions[1].GetProperty("action").GetString());
        Assert.Contains("restarted", actions[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("PROGRESSING", rollout.GetProperty("state").GetString());
        Assert.True(rollout.GetProperty("step_started_at").GetInt64() >= before);
        Assert.Equal(10, rollout.GetProperty("weight").GetInt32());
    }
}
