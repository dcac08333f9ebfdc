using System.Net;
using System.Text.Json;
using Cairn.Contracts.Native.Monitoring;
using Cairn.Testing;

namespace Cairn.Client.Tests.Monitoring;

public sealed class MonitoringClientTests(CairnServerFixture server) : IClassFixture<CairnServerFixture>
{
    private CairnClient Client() => new(server.BaseAddress, new CairnClientOptions { MaxRetries = 0 });

    private static string NewName() => "mon-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task GetMonitorReportHtml_StoredReport_IsSelfContainedHtmlWithEscapedColumns()
    {
        var name = NewName();
        var (_, latest) = await MonitoringSeed.SeedAsync(server.App.Services, name);
        using var client = Client();

        var html = await client.GetMonitorReportHtmlAsync(latest.Id);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("temp_max", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Drift is detected for 50% of columns (1 out of 2)", html, StringComparison.Ordinal);
        // The earlier report of the deployment feeds the over-time charts.
        Assert.Contains("Drift over time", html, StringComparison.Ordinal);
        using var raw = await server.Http.GetAsync(new Uri($"api/v1/monitor/reports/{latest.Id}/html", UriKind.Relative));
        Assert.Equal("text/html", raw.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetMonitorReportHtml_UnknownId_Is404JsonError()
    {
        using var response = await server.Http.GetAsync(new Uri("api/v1/monitor/reports/987654321/html", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", body.RootElement.GetProperty("error_code").GetString());
        using var client = Client();
        var error = await Assert.ThrowsAsync<CairnApiException>(() => client.GetMonitorReportHtmlAsync(987654321));
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", error.ErrorCode);
    }

    [Fact]
    public async Task GetMonitorReportHtml_NonNumericId_Is400()
    {
        using var response = await server.Http.GetAsync(new Uri("api/v1/monitor/reports/abc/html", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_AfterReports_ExportDriftGaugesOfTheLatestReport()
    {
        var name = NewName();
        await MonitoringSeed.SeedAsync(server.App.Services, name);
        var labels = $"deployment=\"{name}\",variant=\"main\",model=\"seattle\",version=\"3\"";

        // The gauges are cached for a few seconds: poll until this deployment appears.
        var text = "";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !text.Contains(name, StringComparison.Ordinal))
        {
            text = await server.Http.GetStringAsync(new Uri("metrics", UriKind.Relative));
            if (!text.Contains(name, StringComparison.Ordinal))
            {
                await Task.Delay(250);
            }
        }

        Assert.Contains($"cairn_feature_drift_score{{{labels},feature=\"temp_max\",method=\"wasserstein\"}} 0.31\n", text, StringComparison.Ordinal);
        Assert.Contains($"cairn_feature_drift_detected{{{labels},feature=\"temp_max\",method=\"wasserstein\"}} 1\n", text, StringComparison.Ordinal);
        Assert.Contains($"cairn_dataset_drift_share{{{labels}}} 0.5\n", text, StringComparison.Ordinal);
        Assert.Contains($"cairn_dataset_drift_detected{{{labels}}} 1\n", text, StringComparison.Ordinal);
        Assert.Contains($"cairn_prediction_drift_score{{{labels},method=\"jensenshannon\"}} 0.05\n", text, StringComparison.Ordinal);
        Assert.Contains($"cairn_live_metric{{{labels},metric=\"accuracy\"}} 0.75\n", text, StringComparison.Ordinal);
        Assert.Contains($"cairn_live_metric{{{labels},metric=\"p99_seconds\"}} 0.012\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE cairn_feature_drift_score gauge\n", text, StringComparison.Ordinal);
        // One family header each, however many deployments.
        Assert.Single(text.Split('\n'), l => l == "# TYPE cairn_dataset_drift_share gauge");
    }

    [Fact]
    public async Task ListAndGetReports_ReturnTheStoredReportsNewestFirst()
    {
        var name = NewName();
        var (older, latest) = await MonitoringSeed.SeedAsync(server.App.Services, name);
        using var client = Client();

        var reports = await client.ListMonitorReportsAsync(name);
        var one = await client.GetMonitorReportAsync(older.Id);

        Assert.Equal([latest.Id, older.Id], reports.Select(r => r.Id));
        Assert.Equal(0.9, one.Performance!.Metrics["accuracy"]);
        Assert.Equal(MonitoringSeed.HostileColumn, one.FeatureDrift!.Columns[1].Column);
    }

    [Fact]
    public async Task AlertRulesAndConfig_RoundTrip()
    {
        var name = NewName();
        await MonitoringSeed.SeedAsync(server.App.Services, name);
        using var client = Client();

        var rules = await client.SetAlertRulesAsync(name, [new AlertRuleDto("low-acc", "accuracy", "<", 0.8), new AlertRuleDto("temp", "feature_drift:temp_max", ">=", 0.1)]);
        var config = await client.SetMonitorConfigAsync(name, new MonitorConfigDto(IntervalSeconds: 300, Last: 500,
            Drift: new DriftOptionsDto(PerColumn: new() { ["temp_max"] = new ColumnDriftOverrideDto("psi", 0.2) })));

        Assert.Equal(["low-acc", "temp"], rules.Select(r => r.Name));
        Assert.Equal(["low-acc", "temp"], (await client.GetAlertRulesAsync(name)).Select(r => r.Name));
        Assert.Equal(300, config.IntervalSeconds);
        Assert.Equal(500, (await client.GetMonitorConfigAsync(name)).Last);
        Assert.Equal("psi", (await client.GetMonitorConfigAsync(name)).Drift!.PerColumn!["temp_max"].Method);
        Assert.Empty(await client.ListAlertsAsync(name));
    }

    [Fact]
    public async Task SetAlertRules_BadOp_IsInvalidParameter()
    {
        var name = NewName();
        await MonitoringSeed.SeedAsync(server.App.Services, name);
        using var client = Client();

        var error = await Assert.ThrowsAsync<CairnApiException>(() => client.SetAlertRulesAsync(name, [new AlertRuleDto("x", "accuracy", "!=", 0.8)]));

        Assert.Equal("INVALID_PARAMETER_VALUE", error.ErrorCode);
    }
}
