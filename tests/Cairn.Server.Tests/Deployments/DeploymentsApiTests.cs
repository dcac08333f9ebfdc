using Cairn.Testing.Deployments;
using System.Text.Json;
using Cairn.Core.Errors;
using Cairn.Serving.Hosting;
using Cairn.Serving.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Server.Tests.Deployments;

/// <summary>The deployment lifecycle over HTTP against real registered models, on SQLite and PostgreSQL.</summary>
public abstract class DeploymentsApiContract(DeploymentsServerFixture server)
{
    private const string Api = "/api/v1/deployments";

    private static string UniqueName() => "dep-" + Guid.NewGuid().ToString("N")[..10];

    private object TwoVariants(string name, string? reason = "first rollout") => new
    {
        name,
        description = "seattle weather",
        sticky_key = "header:X-User-Id",
        reason,
        variants = new object[]
        {
            new { name = "champion", model = server.Model, alias = "champion", weight = 90 },
            new { name = "challenger", model = server.Model, version = 2, weight = 10 },
        },
    };

    private static string[] Names(JsonElement deployment) =>
        [.. deployment.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("name").GetString()!)];

    private static int[] Weights(JsonElement deployment) =>
        [.. deployment.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("weight").GetInt32())];

    [Fact]
    public async Task Create_PinsTheAlias_LoadsEveryVariant_AndRecordsWhoWhenWhy()
    {
        var name = UniqueName();
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var (status, body) = await server.PostAsync(Api, TwoVariants(name), user: "alice");
        var (_, history) = await server.SendAsync(HttpMethod.Get, $"{Api}/{name}/events");

        Assert.Equal(201, status);
        var d = body.GetProperty("deployment");
        Assert.Equal(("ACTIVE", 1L, "header:X-User-Id"), (d.GetProperty("status").GetString(), d.GetProperty("revision").GetInt64(), d.GetProperty("sticky_key").GetString()));
        var champion = d.GetProperty("variants")[0];
        Assert.Equal((1L, "champion", "live"), (champion.GetProperty("version").GetInt64(), champion.GetProperty("alias").GetString(), champion.GetProperty("mode").GetString()));
        var host = server.Services.GetRequiredService<IModelHost>();
        Assert.True(host.TryGetReady(server.Model, 1, out _));
        Assert.True(host.TryGetReady(server.Model, 2, out _));
        var created = Assert.Single(history.GetProperty("events").EnumerateArray());
        Assert.Equal(("create", "alice", "first rollout", 1L),
            (created.GetProperty("action").GetString(), created.GetProperty("actor").GetString(), created.GetProperty("reason").GetString(), created.GetProperty("sequence").GetInt64()));
        Assert.InRange(created.GetProperty("timestamp").GetInt64(), before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal([90, 10], Weights(created));
        var routed = server.Services.GetRequiredService<IDeploymentRouter>().Route(name, "user-1");
        Assert.Equal(1, routed.Deployment.Revision);
        Assert.Contains(routed.Live.Name, new[] { "champion", "challenger" });
    }

    [Fact]
    public async Task Changes_WithoutAUser_AreRecordedAsAnonymous_AndListedNewestFirst()
    {
        var name = UniqueName();
        await server.PostAsync(Api, TwoVariants(name, reason: null));

        var (status, _) = await server.PostAsync($"{Api}/{name}/set-weights", new { weights = new { champion = 50, challenger = 50 }, reason = "half" }, user: "bob");
        var (_, history) = await server.SendAsync(HttpMethod.Get, $"{Api}/{name}/events?max_results=1");
        var (_, all) = await server.SendAsync(HttpMethod.Get, $"{Api}/{name}/events");

        Assert.Equal(200, status);
        var latest = Assert.Single(history.GetProperty("events").EnumerateArray());
        Assert.Equal(("set_weights", "bob", "half"), (latest.GetProperty("action").GetString(), latest.GetProperty("actor").GetString(), latest.GetProperty("reason").GetString()));
        var first = all.GetProperty("events")[1];
        Assert.Equal("anonymous", first.GetProperty("actor").GetString());
        Assert.False(first.TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task Lifecycle_SetWeightsPromoteRollbackPauseResumeDelete_ReachesTheRouterAndTheHistory()
    {
        var name = UniqueName();
        var router = server.Services.GetRequiredService<IDeploymentRouter>();
        await server.PostAsync(Api, TwoVariants(name), user: "alice");

        var (_, weighted) = await server.PostAsync($"{Api}/{name}/set-weights", new { weights = new { challenger = 100 }, reason = "all in" }, user: "bob");
        Assert.Equal([0, 100], Weights(weighted.GetProperty("deployment")));
        Assert.Equal("challenger", router.Route(name, null).Live.Name);

        var (_, promoted) = await server.PostAsync($"{Api}/{name}/promote", new { variant = "champion", reason = "challenger lost" }, user: "carol");
        Assert.Equal(["champion"], Names(promoted.GetProperty("deployment")));
        Assert.Equal([100], Weights(promoted.GetProperty("deployment")));

        var (_, rolledBack) = await server.PostAsync($"{Api}/{name}/rollback", new { reason = "oops" }, user: "dave");
        Assert.Equal(["champion", "challenger"], Names(rolledBack.GetProperty("deployment")));
        Assert.Equal([0, 100], Weights(rolledBack.GetProperty("deployment")));
        Assert.Equal("challenger", router.Route(name, null).Live.Name);

        var (_, toStart) = await server.PostAsync($"{Api}/{name}/rollback", new { to_sequence = 1, reason = "back to the start" });
        Assert.Equal([90, 10], Weights(toStart.GetProperty("deployment")));

        var (_, paused) = await server.SendAsync(HttpMethod.Post, $"{Api}/{name}/pause", user: "erin");
        Assert.Equal("PAUSED", paused.GetProperty("deployment").GetProperty("status").GetString());
        Assert.Equal(ErrorCode.InvalidState, Assert.Throws<CairnException>(() => router.Route(name, null)).Code);
        var (_, pausedAgain) = await server.SendAsync(HttpMethod.Post, $"{Api}/{name}/pause");
        var (_, resumed) = await server.SendAsync(HttpMethod.Post, $"{Api}/{name}/resume", "{\"reason\":\"fixed\"}");
        Assert.Equal("ACTIVE", resumed.GetProperty("deployment").GetProperty("status").GetString());
        Assert.Equal(resumed.GetProperty("deployment").GetProperty("revision").GetInt64(), router.Route(name, null).Deployment.Revision);

        var (deleted, _) = await server.SendAsync(HttpMethod.Delete, $"{Api}/{name}?reason=retired", user: "frank");
        var (gone, _) = await server.SendAsync(HttpMethod.Get, $"{Api}/{name}");
        var (_, history) = await server.SendAsync(HttpMethod.Get, $"{Api}/{name}/events");

        Assert.Equal(pausedAgain.GetProperty("deployment").GetProperty("revision").GetInt64(), paused.GetProperty("deployment").GetProperty("revision").GetInt64());
        Assert.Equal(200, deleted);
        Assert.Equal(404, gone);
        Assert.Equal(ErrorCode.ResourceDoesNotExist, Assert.Throws<CairnException>(() => router.Route(name, null)).Code);
        var events = history.GetProperty("events").EnumerateArray()
            .Select(e => (e.GetProperty("action").GetString(), e.GetProperty("actor").GetString(), e.TryGetProperty("reason", out var r) ? r.GetString() : null))
            .Reverse().ToList();
        Assert.Equal(
        [
            ("create", "alice", "first rollout"), ("set_weights", "bob", "all in"), ("promote", "carol", "challenger lost"),
            ("rollback", "dave", "oops"), ("rollback", "anonymous", "back to the start"), ("pause", "erin", null),
            ("resume", "anonymous", "fixed"), ("delete", "frank", "retired"),
        ], events);
    }

    [Fact]
    public async Task Promote_WithKeepOthers_KeepsThemAtZero_AndAShadowCanBePromoted()
    {
        var name = UniqueName();
        await server.PostAsync(Api, new
        {
            name,
            variants = new object[]
            {
                new { name = "a", model = server.Model, version = 1 },
                new { name = "s", model = server.Model, version = 2, mode = "shadow" },
            },
        });

        var (status, body) = await server.PostAsync($"{Api}/{name}/promote", new { variant = "s", keep_others = true });

        Assert.Equal(200, status);
        var variants = body.GetProperty("deployment").GetProperty("variants").EnumerateArray()
            .Select(v => (v.GetProperty("name").GetString(), v.GetProperty("weight").GetInt32(), v.GetProperty("mode").GetString())).ToList();
        Assert.Equal([("a", 0, "live"), ("s", 100, "live")], variants);
    }

    [Fact]
    public async Task Update_WithAStaleRevision_Is409_AndChangesNothing()
    {
        var name = UniqueName();
        await server.PostAsync(Api, TwoVariants(name));
        await server.PostAsync($"{Api}/{name}/set-weights", new { weights = new { champion = 80, challenger = 20 }, revision = 1 });

        var (status, body) = await server.PostAsync($"{Api}/{name}/set-weights", new { weights = new { champion = 70, challenger = 30 }, revision = 1 });
        var (_, current) = await server.SendAsync(HttpMethod.Get, $"{Api}/{name}");

        Assert.Equal(409, status);
        Assert.Equal(ErrorCode.ResourceConflict, body.GetProperty("error_code").GetString());
        Assert.Contains("revision", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal([80, 20], Weights(current.GetProperty("deployment")));
        Assert.Equal(2, current.GetProperty("deployment").GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task Patch_ReplacesVariantsAndStickyKey_AndPutVariantsReplacesOnlyVariants()
    {
        var name = UniqueName();
        await server.PostAsync(Api, TwoVariants(name));

        var (patched, body) = await server.SendAsync(HttpMethod.Patch, $"{Api}/{name}",
            JsonSerializer.Serialize(new { sticky_key = "", description = "new", variants = new[] { new { name = "solo", model = server.Model, version = 2 } } }));
        var (put, replaced) = await server.SendAsync(HttpMethod.Put, $"{Api}/{name}/variants",
            JsonSerializer.Serialize(new { variants = new[] { new { name = "back", model = server.Model, alias = "champion", weight = 100 } } }));

        Assert.Equal((200, 200), (patched, put));
        var d = body.GetProperty("deployment");
        Assert.False(d.TryGetProperty("sticky_key", out _));
        Assert.Equal("new", d.GetProperty("description").GetString());
        Assert.Equal(["solo"], Names(d));
        Assert.Equal([100], Weights(d));
        Assert.Equal(["back"], Names(replaced.GetProperty("deployment")));
        Assert.Equal(1L, replaced.GetProperty("deployment").GetProperty("variants")[0].GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task List_ShowsCreatedDeployments()
    {
        var name = UniqueName();
        await server.PostAsync(Api, TwoVariants(name));

        var (status, body) = await server.SendAsync(HttpMethod.Get, Api);

        Assert.Equal(200, status);
        Assert.Contains(body.GetProperty("deployments").EnumerateArray(), d => d.GetProperty("name").GetString() == name);
    }
}

[Collection(DeploymentsCollection.Name)]
public sealed class SqliteDeploymentsApiTests(DeploymentsServerFixture server) : DeploymentsApiContract(server);

public sealed class PostgresDeploymentsApiTests(PostgresDeploymentsServerFixture server) : DeploymentsApiContract(server), IClassFixture<PostgresDeploymentsServerFixture>;
