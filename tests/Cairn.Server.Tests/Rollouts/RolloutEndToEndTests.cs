using System.Text.Json;
using Cairn.Monitoring.Rollouts;
using Cairn.Testing.Deployments;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Server.Tests.Rollouts;

/// <summary>
/// Rollouts on a real server with real models and real traffic: the worse model (the baseline) rolled out
/// over the LightGBM champion is rolled back on its accuracy; the better one rolled out over the baseline
/// advances through every step and is promoted. The controller is driven through TickAsync.
/// </summary>
[Collection(RolloutsCollection.Name)]
public sealed class RolloutEndToEndTests(DeploymentsServerFixture server)
{
    private const long LightGbm = 1;
    private const long Baseline = 2;

    private static object Policy => new
    {
        steps = new[] { 50, 100 },
        interval_seconds = 0,
        min_samples = 40,
        max_drop = 0.02,
        max_p99_ms = 10_000,
        inconclusive_limit = 100_000,
    };

    [Fact]
    public async Task WorseCandidate_IsRolledBack_WithTheReasonAndNumbersRecorded()
    {
        var name = await CreateAsync(LightGbm);
        var (status, started) = await server.PostAsync($"/api/v1/deployments/{name}/rollout", new { model = server.Model, version = Baseline, policy = Policy }, user: "alice");
        Assert.True(status == 201, started.ToString());
        Assert.Equal("PROGRESSING", started.GetProperty("rollout").GetProperty("state").GetString());
        Assert.Equal(50, await WeightOfAsync(name, "canary"));

        await SeattleTraffic.SendAsync(server, name, "rb", 0, 300);
        var rollout = await TickUntilAsync(name, r => r.GetProperty("state").GetString() != "PROGRESSING");

        Assert.Equal("ROLLED_BACK", rollout.GetProperty("state").GetString());
        var last = rollout.GetProperty("decisions").EnumerateArray().Last();
        Assert.Equal("rollback", last.GetProperty("action").GetString());
        var numbers = last.GetProperty("numbers");
        Assert.Equal("two-proportion-z", numbers.GetProperty("test").GetString());
        var candidate = numbers.GetProperty("candidate").GetProperty("metric_value").GetDouble();
        var champion = numbers.GetProperty("champion").GetProperty("metric_value").GetDouble();
        Assert.True(candidate < champion - 0.02, $"candidate {candidate}, champion {champion}");
        Assert.True(numbers.GetProperty("p_value").GetDouble() < 0.05);
        Assert.True(numbers.GetProperty("candidate").GetProperty("labelled").GetInt64() >= 40);
        Assert.Contains("worse than champion", last.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // The deployment is back on the champion alone, and its history says why.
        var (_, deployment) = await server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{name}");
        var variants = deployment.GetProperty("deployment").GetProperty("variants").EnumerateArray().ToList();
        Assert.Equal("main", Assert.Single(variants).GetProperty("name").GetString());
        Assert.Equal(100, variants[0].GetProperty("weight").GetInt32());
        var (_, events) = await server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{name}/events");
        var newest = events.GetProperty("events")[0];
        Assert.Equal("rollout-controller", newest.GetProperty("actor").GetString());
        Assert.Contains("rolled back", newest.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("p ", newest.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var start = events.GetProperty("events").EnumerateArray().Single(e => e.TryGetProperty("reason", out var r) && r.GetString()!.Contains("started by alice", StringComparison.Ordinal));
        Assert.Equal("alice", start.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task BetterCandidate_AdvancesThroughEveryStep_AndIsPromoted()
    {
        var name = await CreateAsync(Baseline);
        var (status, started) = await server.PostAsync($"/api/v1/deployments/{name}/rollout", new { model = server.Model, version = LightGbm, policy = Policy });
        Assert.True(status == 201, started.ToString());

        await SeattleTraffic.SendAsync(server, name, "p1", 0, 300);
        var advanced = await TickUntilAsync(name, r => r.GetProperty("step").GetInt32() == 2 || r.GetProperty("state").GetString() != "PROGRESSING");
        Assert.Equal("PROGRESSING", advanced.GetProperty("state").GetString());
        Assert.Equal(100, await WeightOfAsync(name, "canary"));
        Assert.Equal("advance", advanced.GetProperty("decisions").EnumerateArray().Last().GetProperty("action").GetString());

        await SeattleTraffic.SendAsync(server, name, "p2", 300, 120);
        var promoted = await TickUntilAsync(name, r => r.GetProperty("state").GetString() != "PROGRESSING");

        Assert.Equal("PROMOTED", promoted.GetProperty("state").GetString());
        var decision = promoted.GetProperty("decisions").EnumerateArray().Last();
        Assert.Equal("promote", decision.GetProperty("action").GetString());
        Assert.True(decision.GetProperty("numbers").GetProperty("candidate").GetProperty("metric_value").GetDouble()
            > decision.GetProperty("numbers").GetProperty("champion").GetProperty("metric_value").GetDouble());
        var (_, deployment) = await server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{name}");
        var only = Assert.Single(deployment.GetProperty("deployment").GetProperty("variants").EnumerateArray());
        Assert.Equal("canary", only.GetProperty("name").GetString());
        Assert.Equal(LightGbm, only.GetProperty("version").GetInt64());
        Assert.Equal(100, only.GetProperty("weight").GetInt32());
    }

    [Fact]
    public async Task PauseResumeAbort_ArePeoplesDecisions_AndAbortRestoresTheChampion()
    {
        var name = await CreateAsync(LightGbm);
        await server.PostAsync($"/api/v1/deployments/{name}/rollout", new { model = server.Model, version = Baseline, policy = new { steps = new[] { 10, 100 } } });

        var (paused, pausedBody) = await server.PostAsync($"/api/v1/deployments/{name}/rollout/pause", new { reason = "looking at it" }, user: "bob");
        var (again, againBody) = await server.PostAsync($"/api/v1/deployments/{name}/rollout/pause", new { });
        var (resumed, _) = await server.PostAsync($"/api/v1/deployments/{name}/rollout/resume", new { });
        var (aborted, abortedBody) = await server.PostAsync($"/api/v1/deployments/{name}/rollout/abort", new { reason = "not today" }, user: "bob");

        Assert.Equal(200, paused);
        Assert.Equal("PAUSED", pausedBody.GetProperty("rollout").GetProperty("state").GetString());
        Assert.Equal(409, again);
        Assert.Equal("RESOURCE_CONFLICT", againBody.GetProperty("error_code").GetString());
        Assert.Contains("PAUSED", againBody.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(200, resumed);
        Assert.Equal(200, aborted);
        var rollout = abortedBody.GetProperty("rollout");
        Assert.Equal("ABORTED", rollout.GetProperty("state").GetString());
        Assert.Equal(["start", "pause", "resume", "abort"], rollout.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("action").GetString()));
        Assert.Matches("aborted by bob at step 1 \\(10%\\): not today", rollout.GetProperty("decisions")[3].GetProperty("reason").GetString());
        Assert.Equal(100, await WeightOfAsync(name, "main"));
        Assert.Null(await WeightOfAsync(name, "canary"));

        var (_, list) = await server.SendAsync(HttpMethod.Get, $"/api/v1/rollouts?deployment={name}");
        Assert.Equal("ABORTED", Assert.Single(list.GetProperty("rollouts").EnumerateArray()).GetProperty("state").GetString());
    }

    private async Task<string> CreateAsync(long version)
    {
        var name = "ro-" + Guid.NewGuid().ToString("N")[..8];
        var (status, body) = await server.PostAsync("/api/v1/deployments", new { name, variants = new[] { new { name = "main", model = server.Model, version } } });
        Assert.True(status == 201, body.ToString());
        return name;
    }

    private async Task<int?> WeightOfAsync(string deployment, string variant)
    {
        var (_, body) = await server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{deployment}");
        return body.GetProperty("deployment").GetProperty("variants").EnumerateArray()
            .Where(v => v.GetProperty("name").GetString() == variant).Select(v => (int?)v.GetProperty("weight").GetInt32()).FirstOrDefault();
    }

    /// <summary>Runs controller passes until the rollout satisfies <paramref name="done"/> (the prediction log flushes within a second).</summary>
    private async Task<JsonElement> TickUntilAsync(string deployment, Func<JsonElement, bool> done)
    {
        var controller = server.Services.GetRequiredService<RolloutController>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await controller.TickAsync(CancellationToken.None);
            var (_, body) = await server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{deployment}/rollout");
            var rollout = body.GetProperty("rollout");
            if (done(rollout))
            {
                return rollout;
            }

            Assert.True(DateTime.UtcNow < deadline, "the rollout did not get there in time: " + rollout);
            await Task.Delay(100);
        }
    }

}
