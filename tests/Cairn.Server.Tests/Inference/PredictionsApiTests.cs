using System.Net;
using System.Text.Json;
using Cairn.Core.Serving;
using Cairn.Serving.PredictionLog;
using Cairn.Server.Hosting;
using Cairn.Storage;
using Cairn.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Server.Tests.Inference;

/// <summary>
/// <c>GET /api/v1/deployments/{name}/predictions</c> on a real server: records go through the real
/// prediction log and Parquet segments; feedback comes from an in-memory <see cref="IFeedbackStore"/>
/// until the metadata-store implementation lands.
/// </summary>
public sealed class PredictionsApiTests
{
    private static readonly long T0 = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static WebApplication Build(TempDirectory home, InMemoryFeedbackStore feedback) =>
        CairnServer.Build(new ServerOptions { Port = 0 }, new StorageOptions { Home = home.Path }, b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Cairn:PredictionLog:FlushInterval"] = "00:00:00.050",
                ["Cairn:PredictionLog:RedactFields:0"] = "email",
            });
            b.Services.AddSingleton<IFeedbackStore>(feedback);
            b.Services.AddSingleton<IDeploymentStore>(new KnownDeploymentsStore("weather", "fresh"));
        });

    private static PredictionRecord Record(int i, string deployment = "weather") => new()
    {
        Deployment = deployment,
        Variant = i % 2 == 0 ? "blue" : "green",
        Model = "seattle",
        Version = 3,
        RequestId = $"r{i}",
        Timestamp = T0 + i * 1000,
        Inputs = new Dictionary<string, object?> { ["temp"] = 10.5 + i, ["city"] = "Seattle", ["email"] = "x@y.z" },
        Label = "rain",
        Score = 0.8,
        Probabilities = [0.8, 0.2],
        LatencyMicros = 250,
    };

    [Fact]
    public async Task Predictions_AreListedNewestFirstWithFeedbackJoined()
    {
        using var home = new TempDirectory("cairn-predictions-api");
        var feedback = new InMemoryFeedbackStore();
        await using var app = Build(home, feedback);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = app.BoundAddress() };
        var log = app.Services.GetRequiredService<IPredictionLog>();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(log.TryRecord(Record(i)));
        }

        log.TryRecord(Record(9, "other"));
        await feedback.AddAsync([new Feedback { Deployment = "weather", RequestId = "r1", Timestamp = T0 + 60_000, Actual = "sun" }], CancellationToken.None);

        var all = await PollAsync(http, "/api/v1/deployments/weather/predictions", 5);

        Assert.Equal(["r4", "r3", "r2", "r1", "r0"], all.Select(p => p.GetProperty("request_id").GetString()));
        var r1 = all[3];
        Assert.Equal("green", r1.GetProperty("variant").GetString());
        Assert.Equal(T0 + 1000, r1.GetProperty("timestamp").GetInt64());
        Assert.Equal(11.5, r1.GetProperty("inputs").GetProperty("temp").GetDouble());
        Assert.Equal("Seattle", r1.GetProperty("inputs").GetProperty("city").GetString());
        Assert.False(r1.GetProperty("inputs").TryGetProperty("email", out _), "redacted by Cairn:PredictionLog:RedactFields");
        Assert.Equal([0.8, 0.2], r1.GetProperty("probabilities").EnumerateArray().Select(p => p.GetDouble()));
        Assert.Equal(250, r1.GetProperty("latency_us").GetInt64());
        Assert.Equal("sun", r1.GetProperty("feedback").GetProperty("actual").GetString());
        Assert.False(all[4].TryGetProperty("feedback", out _));

        var two = await ListAsync(http, "/api/v1/deployments/weather/predictions?max_results=2");
        Assert.Equal(["r4", "r3"], two.Select(p => p.GetProperty("request_id").GetString()));
        var green = await ListAsync(http, "/api/v1/deployments/weather/predictions?variant=green");
        Assert.Equal(["r3", "r1"], green.Select(p => p.GetProperty("request_id").GetString()));
        var window = await ListAsync(http, $"/api/v1/deployments/weather/predictions?from={T0 + 1000}&to={T0 + 3000}");
        Assert.Equal(["r2", "r1"], window.Select(p => p.GetProperty("request_id").GetString()));
        Assert.Empty(await ListAsync(http, "/api/v1/deployments/fresh/predictions"));
    }

    [Theory]
    [InlineData("weather/predictions?max_results=0", HttpStatusCode.BadRequest, "max_results")]
    [InlineData("weather/predictions?max_results=abc", HttpStatusCode.BadRequest, "max_results")]
    [InlineData("weather/predictions?from=5&to=5", HttpStatusCode.BadRequest, "'from'")]
    [InlineData("ghost/predictions", HttpStatusCode.NotFound, "ghost")]
    public async Task Predictions_BadRequests_AreClientErrorsNamingTheProblem(string path, HttpStatusCode status, string named)
    {
        using var home = new TempDirectory("cairn-predictions-api");
        await using var app = Build(home, new InMemoryFeedbackStore());
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = app.BoundAddress() };

        var response = await http.GetAsync(new Uri("/api/v1/deployments/" + path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(named, body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(status == HttpStatusCode.NotFound ? "RESOURCE_DOES_NOT_EXIST" : "INVALID_PARAMETER_VALUE", body.RootElement.GetProperty("error_code").GetString());
    }

    [Fact]
    public async Task GracefulStop_WritesEveryBufferedRecord()
    {
        using var home = new TempDirectory("cairn-predictions-api");
        await using var app = Build(home, new InMemoryFeedbackStore());
        await app.StartAsync();
        var log = app.Services.GetRequiredService<IPredictionLog>();
        const int n = 3000;
        for (var i = 0; i < n; i++)
        {
            Assert.True(log.TryRecord(Record(i)));
        }

        await app.StopAsync();

        var reader = new PredictionLogReader(Path.Combine(home.Path, "predictions"));
        var read = await reader.ReadAsync(new PredictionLogQuery { Deployment = "weather" }, CancellationToken.None);
        Assert.Equal(n, read.RowCount);
        Assert.Equal(n, log.Stats.Written);
    }

    private static async Task<List<JsonElement>> PollAsync(HttpClient http, string path, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var list = await ListAsync(http, path);
            if (list.Count >= expected || DateTime.UtcNow > deadline)
            {
                return list;
            }

            await Task.Delay(25);
        }
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        using var body = JsonDocument.Parse(text);
        return [.. body.RootElement.GetProperty("predictions").EnumerateArray().Select(e => e.Clone())];
    }
}
