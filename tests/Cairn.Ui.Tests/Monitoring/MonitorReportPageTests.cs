using System.Text.Json;

namespace Cairn.Ui.Tests.Monitoring;

/// <summary><c>/monitoring/reports/{id}</c> over the demo's no-drift and drift reports of <c>weather</c>.</summary>
[Collection(UiCollection.Name)]
public sealed class MonitorReportPageTests(UiFixture ui)
{
    private static readonly string[] WeatherFeatures = ["precipitation", "temp_max", "temp_min", "wind"];

    private async Task<List<JsonElement>> WeatherReportsAsync() =>
        [.. (await UiSeed.GetJsonAsync(ui.Http, "/api/v1/deployments/weather/monitor/reports")).GetProperty("reports").EnumerateArray()];

    [Fact]
    public async Task DriftReport_ShowsTheSentence_MarksDriftedFeatures_AndDrawsHistogramsAndPerformance()
    {
        var report = (await WeatherReportsAsync()).First(r => r.GetProperty("feature_drift").GetProperty("drifted").GetBoolean());
        var id = report.GetProperty("id").GetInt64();
        var columns = report.GetProperty("feature_drift").GetProperty("columns").EnumerateArray().ToList();
        var drifted = columns.Where(c => c.GetProperty("drifted").GetBoolean()).Select(c => c.GetProperty("column").GetString()!).ToList();
        var tested = columns.Count(c => !c.TryGetProperty("skipped", out var s) || s.ValueKind == JsonValueKind.Null);

        await using var p = await ui.OpenAsync($"/monitoring/reports/{id}");

        Assert.Equal(200, p.Status);
        await Assertions.Expect(p.Page.Locator("[data-testid='drift-sentence']"))
            .ToContainTextAsync($"({drifted.Count} out of {tested}). Dataset drift detected");
        var table = p.Page.Locator("[data-testid='feature-drift']");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(columns.Count);
        foreach (var column in columns)
        {
            var name = column.GetProperty("column").GetString()!;
            var verdict = column.TryGetProperty("skipped", out var s) && s.ValueKind == JsonValueKind.String ? "skipped"
                : column.GetProperty("drifted").GetBoolean() ? "drift" : "ok";
            await Assertions.Expect(table.Locator($"tr[data-column='{name}'] [data-verdict]")).ToHaveAttributeAsync("data-verdict", verdict);
        }

        await Assertions.Expect(table.Locator("tr.drifted")).ToHaveCountAsync(drifted.Count);
        await Assertions.Expect(table.Locator("tr[data-column='temp_max']")).ToContainTextAsync("K-S p_value");
        foreach (var feature in WeatherFeatures)
        {
            await Assertions.Expect(p.Page.Locator($"[data-chart='histogram-{feature}'] .main-svg").First).ToBeVisibleAsync();
            // Two overlaid bar traces: reference and current.
            await Assertions.Expect(p.Page.Locator($"[data-chart='histogram-{feature}'] g.trace.bars")).ToHaveCountAsync(2);
        }

        await Assertions.Expect(p.Page.Locator("[data-chart='prediction-histogram'] .main-svg").First).ToBeVisibleAsync();
        await Assertions.Expect(p.Page.Locator("[data-chart='performance-accuracy'] .main-svg").First).ToBeVisibleAsync();
        await Assertions.Expect(p.Page.Locator("[data-chart='performance-accuracy'] g.trace.scatter")).ToHaveCountAsync(2);
        await Assertions.Expect(p.Page.Locator("[data-chart='drift-history'] .main-svg").First).ToBeVisibleAsync();
        await Assertions.Expect(p.Page.Locator("[data-testid='health']")).ToContainTextAsync("p99 latency");
        await Assertions.Expect(p.Page.Locator("[data-testid='prediction-drift'] tr[data-column='prediction']")).ToBeVisibleAsync();

        await UiFixture.ScreenshotAsync(p.Page, "monitoring-report-drift");
        p.AssertNoProblems();
    }

    [Fact]
    public async Task NoDriftReport_SaysNoDatasetDrift_AndMarksNoFeature()
    {
        var id = (await WeatherReportsAsync()).Last(r => !r.GetProperty("feature_drift").GetProperty("drifted").GetBoolean()).GetProperty("id").GetInt64();

        await using var p = await ui.OpenAsync($"/monitoring/reports/{id}");

        await Assertions.Expect(p.Page.Locator("[data-testid='drift-sentence']")).ToContainTextAsync("Drift is detected for 0 % of columns (0 out of 4). No dataset drift");
        await Assertions.Expect(p.Page.Locator("[data-testid='feature-drift'] tr.drifted")).ToHaveCountAsync(0);
        await Assertions.Expect(p.Page.Locator("[data-chart='histogram-temp_max'] .main-svg").First).ToBeVisibleAsync();
        await UiFixture.ScreenshotAsync(p.Page, "monitoring-report-no-drift");
        p.AssertNoProblems();
    }

    [Fact]
    public async Task ReportLinks_LeadToTheHtmlReport_TheDeployment_TheModelVersion_AndTheOverview()
    {
        var report = (await WeatherReportsAsync())[0];
        var id = report.GetProperty("id").GetInt64();
        var model = report.GetProperty("model").GetString()!;
        var version = report.GetProperty("version").GetInt64();
        await using var p = await ui.OpenAsync($"/monitoring/reports/{id}");

        Assert.Equal("/deployments/weather", await p.Page.Locator("[data-testid='deployment-link']").GetAttributeAsync("href"));
        Assert.Equal($"/models/{Uri.EscapeDataString(model)}/versions/{version}", await p.Page.Locator("[data-testid='model-link']").GetAttributeAsync("href"));

        await p.Page.Locator("nav.breadcrumbs a", new() { HasText = "weather" }).ClickAsync();
        await p.Page.WaitForURLAsync("**/monitoring?deployment=weather");
        await Assertions.Expect(p.Page.Locator($"[data-testid='reports'] [data-report='{id}']")).ToBeVisibleAsync();
        p.AssertNoProblems();

        // The self-contained HTML report is the API's page (the browser asks it for a favicon it does not have: not checked).
        await p.Page.GoBackAsync();
        await p.Page.Locator("[data-testid='html-report']").ClickAsync();
        await p.Page.WaitForURLAsync($"**/api/v1/monitor/reports/{id}/html");
        await Assertions.Expect(p.Page).ToHaveTitleAsync("Cairn monitoring report: weather/" + report.GetProperty("variant").GetString());
        await Assertions.Expect(p.Page.Locator("h1")).ToContainTextAsync("Monitoring report: weather");
    }

    [Fact]
    public async Task HostileReport_ShowsNamesLiterally_AndItsAlerts()
    {
        var seed = await MonitoringUiSeed.EnsureAsync(ui);

        await using var p = await ui.OpenAsync($"/monitoring/reports/{seed.ReportId}");

        Assert.Equal(200, p.Status);
        await Assertions.Expect(p.Page.Locator("h1")).ToContainTextAsync(UiSeed.Hostile);
        await Assertions.Expect(p.Page.Locator("[data-testid='feature-drift'] tbody tr.drifted")).ToContainTextAsync(seed.Feature);
        await Assertions.Expect(p.Page.Locator($"[data-chart='histogram-{seed.Feature.Replace("\"", "\\\"", StringComparison.Ordinal)}'] .main-svg").First).ToBeVisibleAsync();
        await Assertions.Expect(p.Page.Locator("[data-testid='firing-alerts']")).ToContainTextAsync(MonitoringUiSeed.Rule);
        var events = p.Page.Locator("[data-testid='alert-events'] tbody tr");
        await Assertions.Expect(events).ToHaveCountAsync(1);
        await Assertions.Expect(events.Locator("[data-status='fired']")).ToBeVisibleAsync();
        Assert.True(await UiSeed.IsCleanAsync(p.Page), "hostile markup ran on the report page");

        await UiFixture.ScreenshotAsync(p.Page, "monitoring-report-hostile");
        p.AssertNoProblems();
    }

    [Fact]
    public async Task UnknownReport_Answers404()
    {
        // Through HttpClient: a Blazor page that sets 404 is answered without a body (.NET 10's endpoint renderer), which chromium refuses to load.
        using var response = await ui.Http.GetAsync("/monitoring/reports/999999999");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ReportWithABadId_Answers400AndSaysWhichField()
    {
        await using var p = await ui.OpenAsync("/monitoring/reports/abc");

        Assert.Equal(400, p.Status);
        await Assertions.Expect(p.Page.Locator("[data-testid='error']")).ToContainTextAsync("'id'");
    }
}
