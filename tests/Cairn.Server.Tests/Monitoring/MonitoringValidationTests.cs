using System.Text.Json;

namespace Cairn.Server.Tests.Monitoring;

/// <summary>Bad input to the monitoring API is a 4xx naming the field, never a 5xx; unknown deployments and reports are 404.</summary>
[Collection(MonitoringCollection.Name)]
public sealed class MonitoringValidationTests(MonitoringServerFixture fixture)
{
    private readonly MonitoringTraffic _traffic = new(fixture);

    [Theory]
    [InlineData("""{"last": 0}""", "'last'")]
    [InlineData("""{"last": -5}""", "'last'")]
    [InlineData("""{"last": 1000001}""", "'last'")]
    [InlineData("""{"last": "many"}""", "last")]
    [InlineData("""{"from": 2000, "to": 1000}""", "'to'")]
    [InlineData("""{"from": -1}""", "'from'")]
    [InlineData("""{"window_seconds": 0}""", "'window_seconds'")]
    [InlineData("""{"window_seconds": 60, "from": 1}""", "'window_seconds'")]
    [InlineData("""{"variant": "nope"}""", "'variant'")]
    [InlineData("""{"variant": ""}""", "'variant'")]
    [InlineData("""{"lats": 10}""", "lats")]
    [InlineData("""[1, 2]""", "")]
    public async Task RunMonitor_WithABadBody_IsInvalidParameterNamingTheField(string body, string field)
    {
        var name = await _traffic.CreateDeploymentAsync("bad-run");

        var (status, error) = await fixture.Server.SendAsync(HttpMethod.Post, $"/api/v1/deployments/{name}/monitor", body);

        AssertInvalid(status, error, field);
    }

    [Fact]
    public async Task MonitorRoutes_OfAnUnknownDeployment_AreNotFound()
    {
        var name = MonitoringTraffic.UniqueName("ghost");
        foreach (var (method, path, body) in new (HttpMethod, string, string?)[]
        {
            (HttpMethod.Post, $"/api/v1/deployments/{name}/monitor", null),
            (HttpMethod.Get, $"/api/v1/deployments/{name}/monitor/reports", null),
            (HttpMethod.Get, $"/api/v1/deployments/{name}/monitor/config", null),
            (HttpMethod.Put, $"/api/v1/deployments/{name}/monitor/config", """{"interval_seconds": 60}"""),
            (HttpMethod.Get, $"/api/v1/deployments/{name}/alert-rules", null),
            (HttpMethod.Put, $"/api/v1/deployments/{name}/alert-rules", """{"rules": []}"""),
            (HttpMethod.Get, $"/api/v1/deployments/{name}/alerts", null),
        })
        {
            var (status, error) = await fixture.Server.SendAsync(method, path, body);

            Assert.True(status == 404, $"{method} {path}: {status} {error}");
            Assert.Equal("RESOURCE_DOES_NOT_EXIST", error.GetProperty("error_code").GetString());
        }
    }

    [Fact]
    public async Task GetReport_OfAnUnknownIdIsNotFound_AndOfANonNumberIsInvalid()
    {
        var (missing, missingError) = await fixture.Server.SendAsync(HttpMethod.Get, "/api/v1/monitor/reports/987654321");
        var (bad, badError) = await fixture.Server.SendAsync(HttpMethod.Get, "/api/v1/monitor/reports/abc");

        Assert.Equal(404, missing);
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", missingError.GetProperty("error_code").GetString());
        AssertInvalid(bad, badError, "'id'");
    }

    [Theory]
    [InlineData("max_results=0", "'max_results'")]
    [InlineData("max_results=1001", "'max_results'")]
    [InlineData("max_results=ten", "'max_results'")]
    [InlineData("after=x", "'after'")]
    public async Task ListReports_WithBadPaging_IsInvalidParameter(string query, string field)
    {
        var name = await _traffic.CreateDeploymentAsync("bad-list");

        var (status, error) = await fixture.Server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{name}/monitor/reports?{query}");

        AssertInvalid(status, error, field);
    }

    [Theory]
    [InlineData("""{"interval_seconds": 0}""", "'interval_seconds'")]
    [InlineData("""{"interval_seconds": -3}""", "'interval_seconds'")]
    [InlineData("""{"last": 0}""", "'last'")]
    [InlineData("""{"last": 10, "window_seconds": 60}""", "'window_seconds'")]
    [InlineData("""{"window_seconds": -1}""", "'window_seconds'")]
    [InlineData("""{"drift": {"method": "magic"}}""", "'drift.method'")]
    [InlineData("""{"drift": {"numeric_method": "t-test"}}""", "'drift.numeric_method'")]
    [InlineData("""{"drift": {"threshold": 0}}""", "'drift.threshold'")]
    [InlineData("""{"drift": {"drift_share": 1.5}}""", "'drift.drift_share'")]
    [InlineData("""{"drift": {"per_column": {"wind": {"method": "x"}}}}""", "'drift.per_column.wind.method'")]
    [InlineData("""{"drift": {"per_column": {"wind": {"threshold": -1}}}}""", "'drift.per_column.wind.threshold'")]
    [InlineData("""{"next_run_at": 5}""", "'next_run_at'")]
    [InlineData("""{"intervall_seconds": 5}""", "intervall_seconds")]
    [InlineData("", "body")]
    public async Task PutConfig_WithABadValue_IsInvalidParameterNamingTheField(string body, string field)
    {
        var name = await _traffic.CreateDeploymentAsync("bad-config");

        var (status, error) = await fixture.Server.SendAsync(HttpMethod.Put, $"/api/v1/deployments/{name}/monitor/config", body);

        AssertInvalid(status, error, field);
    }

    [Theory]
    [InlineData("""{"rules": [{"name": "a", "metric": "accuracy", "op": "!=", "threshold": 0.5}]}""", "'rules[0].op'")]
    [InlineData("""{"rules": [{"name": "a", "metric": "precision", "op": "<", "threshold": 0.5}]}""", "'rules[0].metric'")]
    [InlineData("""{"rules": [{"name": "a", "metric": "feature_drift:", "op": "<", "threshold": 0.5}]}""", "'rules[0].metric'")]
    [InlineData("""{"rules": [{"name": "a", "metric": "accuracy", "op": "<", "threshold": "NaN"}]}""", "threshold")]
    [InlineData("""{"rules": [{"name": "a", "metric": "accuracy", "op": "<"}]}""", "'rules[0].threshold'")]
    [InlineData("""{"rules": [{"name": "", "metric": "accuracy", "op": "<", "threshold": 1}]}""", "'rules[0].name'")]
    [InlineData("""{"rules": [{"name": "a", "metric": "mae", "op": ">", "threshold": 1}, {"name": "a", "metric": "rmse", "op": ">", "threshold": 1}]}""", "'rules[1].name'")]
    [InlineData("""{"rules": [{"name": "a", "metric": "mae", "op": ">", "threshold": 1, "firing": true}]}""", "'rules[0].firing'")]
    [InlineData("""{}""", "'rules'")]
    public async Task PutAlertRules_WithABadRule_IsInvalidParameterNamingTheField(string body, string field)
    {
        var name = await _traffic.CreateDeploymentAsync("bad-rules");

        var (status, error) = await fixture.Server.SendAsync(HttpMethod.Put, $"/api/v1/deployments/{name}/alert-rules", body);

        AssertInvalid(status, error, field);
        var (_, rules) = await fixture.Server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{name}/alert-rules");
        Assert.Empty(rules.GetProperty("rules").EnumerateArray());
    }

    [Fact]
    public async Task ConfigAndRules_RoundTrip_WithTheNextRunTime()
    {
        var name = await _traffic.CreateDeploymentAsync("config");

        var (put, config) = await fixture.Server.SendAsync(HttpMethod.Put, $"/api/v1/deployments/{name}/monitor/config",
            """{"interval_seconds": 3600, "window_seconds": 86400, "variant": "main", "drift": {"numeric_method": "wasserstein", "numeric_threshold": 0.2, "per_column": {"wind": {"method": "psi", "threshold": 0.3}}, "drift_share": 0.75}}""");
        var (get, read) = await fixture.Server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{name}/monitor/config");
        var (putRules, rules) = await fixture.Server.SendAsync(HttpMethod.Put, $"/api/v1/deployments/{name}/alert-rules",
            """{"rules": [{"name": "low-accuracy", "metric": "accuracy", "op": "<", "threshold": 0.6}, {"name": "wind", "metric": "feature_drift:wind", "op": ">=", "threshold": 0.3}]}""");
        var (_, readRules) = await fixture.Server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{name}/alert-rules");

        Assert.Equal(200, put);
        Assert.Equal(200, get);
        Assert.Equal(config.ToString(), read.ToString());
        var c = read.GetProperty("config");
        Assert.Equal(3600, c.GetProperty("interval_seconds").GetDouble());
        Assert.Equal(86400, c.GetProperty("window_seconds").GetDouble());
        Assert.Equal("wasserstein", c.GetProperty("drift").GetProperty("numeric_method").GetString());
        Assert.Equal("psi", c.GetProperty("drift").GetProperty("per_column").GetProperty("wind").GetProperty("method").GetString());
        Assert.Equal(0.75, c.GetProperty("drift").GetProperty("drift_share").GetDouble());
        Assert.False(c.TryGetProperty("last_run_at", out _));
        var nextRun = DateTimeOffset.FromUnixTimeMilliseconds(c.GetProperty("next_run_at").GetInt64());
        Assert.InRange(nextRun - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        Assert.Equal(200, putRules);
        Assert.Equal(rules.ToString(), readRules.ToString());
        Assert.Equal(["low-accuracy", "wind"], readRules.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.All(readRules.GetProperty("rules").EnumerateArray(), r => Assert.False(r.GetProperty("firing").GetBoolean()));
    }

    [Fact]
    public async Task GetConfig_WithoutOne_IsTheUnscheduledDefault()
    {
        var name = await _traffic.CreateDeploymentAsync("default-config");

        var (status, body) = await fixture.Server.SendAsync(HttpMethod.Get, $"/api/v1/deployments/{name}/monitor/config");

        Assert.Equal(200, status);
        var c = body.GetProperty("config");
        Assert.False(c.TryGetProperty("interval_seconds", out _));
        Assert.False(c.TryGetProperty("next_run_at", out _));
    }

    private static void AssertInvalid(int status, JsonElement error, string field)
    {
        Assert.True(status == 400, $"{status} {error}");
        Assert.Equal("INVALID_PARAMETER_VALUE", error.GetProperty("error_code").GetString());
        Assert.Contains(field, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
