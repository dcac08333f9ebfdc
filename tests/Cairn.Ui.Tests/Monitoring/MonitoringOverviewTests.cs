using System.Text.RegularExpressions;

namespace Cairn.Ui.Tests.Monitoring;

/// <summary><c>/monitoring</c> over the demo's reports of deployment <c>weather</c> (no drift, then drift) and a hostile seed.</summary>
[Collection(UiCollection.Name)]
public sealed class MonitoringOverviewTests(UiFixture ui)
{
    [Fact]
    public async Task Overview_OfWeather_ListsItsReportsNewestFirst_WithDriftPerformanceAndTriggerFires()
    {
        var ids = (await UiSeed.GetJsonAsync(ui.Http, "/api/v1/deployments/weather/monitor/reports")).GetProperty("reports")
            .EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToList();
        Assert.True(ids.Count >= 2, "the demo makes a no-drift and a drift report");

        await using var p = await ui.OpenAsync("/monitoring?deployment=weather");

        Assert.Equal(200, p.Status);
        var rows = p.Page.Locator("[data-testid='reports'] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(ids.Count);
        var shown = new List<long>();
        foreach (var row in await rows.AllAsync())
        {
            shown.Add(long.Parse(await row.GetAttributeAsync("data-report") ?? "0", System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(ids.Order().Reverse(), shown);
        // The demo's first report saw no drift, its later ones did: both verdicts are on the page.
        await Assertions.Expect(p.Page.Locator($"[data-report='{ids.Min()}'] [data-status='ok']").First).ToBeVisibleAsync();
        await Assertions.Expect(p.Page.Locator($"[data-report='{ids.Max()}'] [data-status='drift']").First).ToBeVisibleAsync();
        await Assertions.Expect(p.Page.Locator($"[data-report='{ids.Max()}']")).ToContainTextAsync("accuracy");
        await Assertions.Expect(p.Page.Locator("[data-chart='drift-share-history'] .main-svg").First).ToBeVisibleAsync();
        await Assertions.Expect(p.Page.Locator("[data-chart='performance-history'] .main-svg").First).ToBeVisibleAsync();

        // The demo's drift trigger on weather-retrain fired once: its run and reason are listed and linked.
        var fire = p.Page.Locator("[data-testid='trigger-fires'] tbody tr").First;
        await Assertions.Expect(fire).ToContainTextAsync("drift: deployment weather report");
        var runHref = await fire.Locator("a[href^='/pipelines/runs/']").GetAttributeAsync("href");
        var runs = (await UiSeed.GetJsonAsync(ui.Http, "/api/v1/pipelines/weather-retrain/runs")).GetProperty("runs").EnumerateArray()
            .Where(r => r.GetProperty("trigger").GetString()!.StartsWith("drift:", StringComparison.Ordinal)).Select(r => r.GetProperty("run_id").GetString()).ToList();
        Assert.Contains(runHref, runs.Select(id => $"/pipelines/runs/{id}"));
        await Assertions.Expect(p.Page.Locator("[data-testid='monitor-triggers']")).ToContainTextAsync("weather-retrain");
        await Assertions.Expect(p.Page.Locator("select#deployment")).ToHaveValueAsync("weather");

        await UiFixture.ScreenshotAsync(p.Page, "monitoring-overview");
        p.AssertNoProblems();
    }

    [Fact]
    public async Task Overview_ReportLink_LeadsToTheReportPage()
    {
        await using var p = await ui.OpenAsync("/monitoring?deployment=weather");
        var link = p.Page.Locator("[data-testid='reports'] tbody tr").First.Locator("a[href^='/monitoring/reports/']");
        var href = await link.GetAttributeAsync("href");

        await link.ClickAsync();

        await p.Page.WaitForURLAsync(new Regex(Regex.Escape(href!) + "$"));
        await Assertions.Expect(p.Page.Locator("h1")).ToContainTextAsync("Monitor report #");
        await Assertions.Expect(p.Page.Locator("[data-testid='drift-sentence']")).ToBeVisibleAsync();
        p.AssertNoProblems();
    }

    [Fact]
    public async Task Overview_OfEveryDeployment_ShowsAlertsFiredAndResolvedWithTheirRules_AndEscapesHostileText()
    {
        var seed = await MonitoringUiSeed.EnsureAsync(ui);

        await using var p = await ui.OpenAsync("/monitoring");

        Assert.Equal(200, p.Status);
        await Assertions.Expect(p.Page.Locator($"[data-testid='reports'] [data-report='{seed.ResolvingReportId}']")).ToContainTextAsync(seed.Deployment);
        await Assertions.Expect(p.Page.Locator("[data-testid='reports'] tbody tr[data-report]").Filter(new() { HasText = "weather" }).First).ToBeVisibleAsync();
        var events = p.Page.Locator("[data-testid='alert-events'] tbody tr").Filter(new() { HasText = MonitoringUiSeed.Rule });
        await Assertions.Expect(events).ToHaveCountAsync(2);
        await Assertions.Expect(events.Nth(0).Locator("[data-status='resolved']")).ToBeVisibleAsync();
        await Assertions.Expect(events.Nth(1).Locator("[data-status='fired']")).ToBeVisibleAsync();
        await Assertions.Expect(events.Nth(1)).ToContainTextAsync("accuracy < 0.9");
        Assert.Equal($"/monitoring/reports/{seed.ReportId}", await events.Nth(1).Locator("a[href^='/monitoring/reports/']").GetAttributeAsync("href"));
        Assert.True(await UiSeed.IsCleanAsync(p.Page), "hostile markup ran on the monitoring overview");

        await UiFixture.ScreenshotAsync(p.Page, "monitoring-overview-all");
        p.AssertNoProblems();
    }

    [Fact]
    public async Task Overview_WithABadPageCursor_Answers400AndSaysWhichField()
    {
        await using var p = await ui.OpenAsync("/monitoring?before=abc");

        Assert.Equal(400, p.Status);
        await Assertions.Expect(p.Page.Locator("[data-testid='error']")).ToContainTextAsync("'before'");
        await Assertions.Expect(p.Page.Locator("[data-testid='monitoring-filter']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Overview_FilteredByAnUnknownDeployment_Answers400AndSaysSo()
    {
        await using var p = await ui.OpenAsync("/monitoring?deployment=no-such-deployment");

        Assert.Equal(400, p.Status);
        await Assertions.Expect(p.Page.Locator("[data-testid='error']")).ToContainTextAsync("Deployment 'no-such-deployment' does not exist");
        await Assertions.Expect(p.Page.Locator("[data-testid='monitoring-filter']")).ToBeVisibleAsync();
    }
}
