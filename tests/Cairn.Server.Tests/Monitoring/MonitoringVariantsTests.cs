using System.Text.Json;

namespace Cairn.Server.Tests.Monitoring;

/// <summary>Which variants a run analyses, and models registered without a training profile.</summary>
[Collection(MonitoringCollection.Name)]
public sealed class MonitoringVariantsTests(MonitoringServerFixture fixture)
{
    private readonly MonitoringTraffic _traffic = new(fixture);

    [Fact]
    public async Task Monitor_WithoutAVariant_ReportsEveryLiveVariant_AndAVariantOnlyItsOwnTraffic()
    {
        var name = MonitoringTraffic.UniqueName("variants");
        var (created, createdBody) = await fixture.Server.PostAsync("/api/v1/deployments", new
        {
            name,
            sticky_key = "header:X-User",
            variants = new object[]
            {
                new { name = "main", model = fixture.Server.Model, version = 1, weight = 60 },
                new { name = "canary", model = fixture.Server.Model, version = 2, weight = 40 },
                new { name = "shadow", model = fixture.Server.Model, version = 2, mode = "shadow" },
            },
        });
        Assert.True(created == 201, createdBody.ToString());
        var rows = fixture.Rows.Take(40).ToList();
        var byVariant = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var variant = await PredictAsync(name, $"user{i}", $"q{i}", rows[i]);
            byVariant[variant] = byVariant.GetValueOrDefault(variant) + 1;
        }

        // Every live answer is shadowed once: the log holds 2 × 40 records.
        await _traffic.WaitForLogAsync(name, 2 * rows.Count);

        var (status, body) = await fixture.Server.SendAsync(HttpMethod.Post, $"/api/v1/deployments/{name}/monitor", "{}");
        var (canaryStatus, canary) = await fixture.Server.SendAsync(HttpMethod.Post, $"/api/v1/deployments/{name}/monitor", """{"variant": "canary"}""");
        var (shadowStatus, shadow) = await fixture.Server.SendAsync(HttpMethod.Post, $"/api/v1/deployments/{name}/monitor", """{"variant": "shadow"}""");

        Assert.True(status == 200, body.ToString());
        var reports = body.GetProperty("reports").EnumerateArray().ToList();
        Assert.Equal(["main", "canary"], reports.Select(r => r.GetProperty("variant").GetString()));
        Assert.Equal(body.GetProperty("report").GetProperty("id").GetInt64(), reports[0].GetProperty("id").GetInt64());
        Assert.Equal([byVariant.GetValueOrDefault("main"), byVariant.GetValueOrDefault("canary")], reports.Select(r => (int)r.GetProperty("rows").GetInt64()));
        Assert.Equal(rows.Count, reports.Sum(r => r.GetProperty("health").GetProperty("requests").GetInt64()));
        Assert.Equal(200, canaryStatus);
        Assert.Equal(byVariant.GetValueOrDefault("canary"), canary.GetProperty("report").GetProperty("rows").GetInt64());
        Assert.False(canary.TryGetProperty("reports", out _));
        Assert.Equal(200, shadowStatus);
        Assert.Equal(rows.Count, shadow.GetProperty("report").GetProperty("rows").GetInt64());

        // These models were trained without a profile: nothing to drift-test against, the rest of the report is there.
        Assert.All(reports, r => Assert.False(r.TryGetProperty("feature_drift", out _)));
        Assert.All(reports, r => Assert.False(r.TryGetProperty("prediction_drift", out _)));
        Assert.All(reports, r => Assert.Equal("classification", r.GetProperty("performance").GetProperty("task").GetString()));

        var (_, canaryOnly) = await fixture.Server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{name}/monitor/reports?variant=canary");
        Assert.Equal(2, canaryOnly.GetProperty("reports").GetArrayLength());
        var (_, newest) = await fixture.Server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{name}/monitor/reports?max_results=1");
        Assert.Equal(shadow.GetProperty("report").GetProperty("id").GetInt64(), newest.GetProperty("reports")[0].GetProperty("id").GetInt64());
        var oldest = reports[0].GetProperty("id").GetInt64();
        var (_, after) = await fixture.Server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{name}/monitor/reports?after={oldest}");
        Assert.Equal(3, after.GetProperty("reports").GetArrayLength());
    }

    private async Task<string> PredictAsync(string deployment, string user, string id, WeatherRow row)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/deployments/{deployment}/predict")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new
            {
                id,
                records = new[] { new { precipitation = row.Values[0], temp_max = row.Values[1], temp_min = row.Values[2], wind = row.Values[3] } },
            }),
        };
        request.Headers.Add("X-User", user);
        using var response = await fixture.Server.Http.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("variant").GetString()!;
    }
}
