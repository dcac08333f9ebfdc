using Cairn.Testing.Deployments;

namespace Cairn.Server.Tests.Rollouts;

/// <summary>Bad rollout requests are 4xx naming the field, and change nothing.</summary>
[Collection(RolloutsCollection.Name)]
public sealed class RolloutBadInputTests(DeploymentsServerFixture server)
{
    public static TheoryData<string, int, string> Cases => new()
    {
        { """{"version": 2}""", 400, "'model'" },
        { """{"model": "M"}""", 400, "'version'" },
        { """{"model": "M", "version": 99}""", 400, "'version'" },
        { """{"model": "M", "version": 1}""", 400, "'version'" },
        { """{"model": "M", "version": 3}""", 400, "'version'" },
        { """{"model": "M", "version": 2, "policy": {"steps": [50, 25, 100]}}""", 400, "'policy.steps[1]'" },
        { """{"model": "M", "version": 2, "policy": {"steps": [10, 50]}}""", 400, "'policy.steps[1]'" },
        { """{"model": "M", "version": 2, "policy": {"metric": "f1"}}""", 400, "'policy.metric'" },
        { """{"model": "M", "version": 2, "policy": {"alpha": 2}}""", 400, "'policy.alpha'" },
        { """{"model": "M", "version": 2, "policy": {"min_samples": 0}}""", 400, "'policy.min_samples'" },
        { """{"model": "M", "version": 2, "polcy": {}}""", 400, "polcy" },
        { """{"model": "M", "version": "two"}""", 400, "version" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadStart_IsRejected_NamingTheField(string json, int status, string field)
    {
        var name = await CreateAsync();

        var (code, body) = await server.SendAsync(HttpMethod.Post, $"/api/v1/deployments/{name}/rollout", json.Replace("\"M\"", $"\"{server.Model}\"", StringComparison.Ordinal));

        Assert.True(code == status, body.ToString());
        Assert.Contains(field, body.GetProperty("message").GetString(), StringComparison.Ordinal);
        var (_, events) = await server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{name}/events");
        Assert.Single(events.GetProperty("events").EnumerateArray());
        var (none, _) = await server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{name}/rollout");
        Assert.Equal(404, none);
    }

    [Fact]
    public async Task UnknownDeployment_IsNotFound()
    {
        var (code, body) = await server.PostAsync("/api/v1/deployments/no-such-deployment/rollout", new { model = server.Model, version = 2 });

        Assert.Equal(404, code);
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", body.GetProperty("error_code").GetString());
    }

    [Fact]
    public async Task SecondRollout_WhileOneIsActive_IsAConflict()
    {
        var name = await CreateAsync();
        var (first, _) = await server.PostAsync($"/api/v1/deployments/{name}/rollout", new { model = server.Model, version = 2 });

        var (second, body) = await server.PostAsync($"/api/v1/deployments/{name}/rollout", new { model = server.Model, version = 2 });

        Assert.Equal(201, first);
        Assert.Equal(409, second);
        Assert.Equal("RESOURCE_CONFLICT", body.GetProperty("error_code").GetString());
        Assert.Contains("active rollout", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PausedDeployment_IsRejected_NamingTheDeployment()
    {
        var name = await CreateAsync();
        await server.PostAsync($"/api/v1/deployments/{name}/pause", new { });

        var (code, body) = await server.PostAsync($"/api/v1/deployments/{name}/rollout", new { model = server.Model, version = 2 });

        Assert.Equal(400, code);
        Assert.Contains("'deployment': it is paused", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadMaxResults_IsRejected()
    {
        var (code, body) = await server.SendAsync(HttpMethod.Get, "/api/v1/rollouts?max_results=0");

        Assert.Equal(400, code);
        Assert.Contains("'max_results'", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private async Task<string> CreateAsync()
    {
        var name = "rb-" + Guid.NewGuid().ToString("N")[..8];
        var (status, body) = await server.PostAsync("/api/v1/deployments", new { name, variants = new[] { new { name = "main", model = server.Model, version = 1 } } });
        Assert.True(status == 201, body.ToString());
        return name;
    }
}
