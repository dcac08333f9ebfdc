using System.Net.Http.Json;
using System.Text.Json;
using Cairn.Serving.PredictionLog;
using Cairn.Testing.Deployments;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Server.Tests.Deployments;

/// <summary>
/// The serving loop across its parts on one real server: routing of 10,000 requests over a 90/10 split
/// with a shadow, every answer in the prediction log after a graceful stop, and feedback joined to it.
/// Owns its server, because it stops and restarts it.
/// </summary>
public sealed class ServingLoopTests : IAsyncLifetime
{
    private const int Requests = 10_000;
    private readonly DeploymentsServerFixture _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task TenThousandRequests_SplitNinetyTen_AreAllLogged_WithShadowCopies_AndJoinFeedback()
    {
        var name = "loop-" + Guid.NewGuid().ToString("N")[..8];
        var (created, createdBody) = await _server.PostAsync("/api/v1/deployments", new
        {
            name,
            sticky_key = "header:X-User",
            variants = new object[]
            {
                new { name = "main", model = _server.Model, version = 1, weight = 90 },
                new { name = "canary", model = _server.Model, version = 2, weight = 10 },
                new { name = "shadow", model = _server.Model, version = 2, mode = "shadow" },
            },
        });
        Assert.True(created == 201, createdBody.ToString());

        // Users u0..u999 each send ten requests: a user must always land on the same variant.
        var variantOfUser = new string?[1000];
        var answered = new Dictionary<string, int>(StringComparer.Ordinal);
        await Parallel.ForAsync(0, Requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var user = i % 1000;
            var variant = await PredictAsync(name, $"u{user}", $"req-{i}", ct);
            lock (answered)
            {
                answered[variant] = answered.GetValueOrDefault(variant) + 1;
                Assert.True(variantOfUser[user] is null || variantOfUser[user] == variant, $"user u{user} moved from {variantOfUser[user]} to {variant}");
                variantOfUser[user] = variant;
            }
        });

        var (feedback, _) = await _server.PostAsync($"/api/v1/deployments/{name}/feedback", new
        {
            feedback = Enumerable.Range(Requests - 100, 100).Select(i => new { request_id = $"req-{i}", actual = "rain" }).ToArray(),
        });
        await _server.RestartAsync();

        // 1000 users in 100 buckets: the split is over buckets, so allow the binomial spread of 1000 users (4σ ≈ 3.8 %).
        Assert.Equal(200, feedback);
        Assert.Equal(Requests, answered.Values.Sum());
        Assert.DoesNotContain("shadow", answered.Keys);
        Assert.InRange(answered.GetValueOrDefault("canary") / (double)Requests, 0.10 - 0.038, 0.10 + 0.038);

        var log = await _server.Services.GetRequiredService<PredictionLogReader>().ReadAsync(
            new PredictionLogQuery { Deployment = name, Features = ["wind"] }, CancellationToken.None);
        var live = Enumerable.Range(0, log.RowCount).Where(r => !log.Shadow[r]).ToList();
        var shadows = Enumerable.Range(0, log.RowCount).Where(r => log.Shadow[r]).ToList();
        Assert.Equal(Requests, live.Count);
        Assert.Equal(Requests, live.Select(r => log.RequestIds[r]).Distinct().Count());
        Assert.Equal(answered["canary"], live.Count(r => log.Variants[r] == "canary"));
        Assert.All(shadows, r => Assert.Equal("shadow", log.Variants[r]));
        Assert.Equal(Requests, shadows.Count);
        Assert.Equal(log.RowCount, log.Features.RowCount);

        var recent = await _server.Http.GetFromJsonAsync<JsonElement>($"/api/v1/deployments/{name}/predictions?max_results=1000&variant=main");
        // The newest records are the last requests sent, which are the ones that got feedback.
        var joined = recent.GetProperty("predictions").EnumerateArray()
            .Where(p => p.TryGetProperty("feedback", out _))
            .ToList();
        Assert.NotEmpty(joined);
        Assert.All(joined, p => Assert.Equal("rain", p.GetProperty("feedback").GetProperty("actual").GetString()));
        Assert.All(joined, p => Assert.True(int.Parse(p.GetProperty("request_id").GetString()!["req-".Length..], System.Globalization.CultureInfo.InvariantCulture) >= Requests - 100));
    }

    private async Task<string> PredictAsync(string deployment, string user, string requestId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/deployments/{deployment}/predict")
        {
            Content = JsonContent.Create(new
            {
                id = requestId,
                records = new[] { new { precipitation = 0.5, temp_max = 11.1, temp_min = 4.4, wind = 3.2 } },
            }),
        };
        request.Headers.Add("X-User", user);
        using var response = await _server.Http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        Assert.Equal(requestId, body.GetProperty("id").GetString());
        return body.GetProperty("variant").GetString()!;
    }
}
