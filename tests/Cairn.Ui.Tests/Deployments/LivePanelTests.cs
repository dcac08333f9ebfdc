using System.Globalization;
using System.Net.Http.Json;
using Cairn.Server.Ui;

namespace Cairn.Ui.Tests.Deployments;

/// <summary>
/// The deployment page's interactive parts against real traffic: the live panel (a Blazor circuit reading
/// the serving counters every two seconds) and the recent predictions with their feedback, escaped.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class LivePanelTests(UiFixture ui)
{
    /// <summary>The panel refreshes every 2 s: give a refresh or two of slack on a busy machine.</summary>
    private static readonly LocatorAssertionsToHaveTextOptions Refresh = new() { Timeout = 15_000 };

    [Fact]
    public async Task LivePanel_CountsPredictionsSentThroughOip_WithoutAReload()
    {
        var deployment = (await UiSeed.GetJsonAsync(ui.Http, "/api/v1/deployments/weather")).GetProperty("deployment");
        var live = deployment.GetProperty("variants").EnumerateArray().MaxBy(v => v.GetProperty("weight").GetInt32()).GetProperty("name").GetString()!;

        await using var p = await ui.OpenAsync(Links.Deployment("weather"));
        var panel = p.Page.GetByTestId("live-panel");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-live", "on", new() { Timeout = 15_000 });
        var row = panel.Locator($"tr[data-variant='{live}']");
        var requests = row.Locator("[data-field='requests']");
        await Assertions.Expect(requests).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        var before = long.Parse(await requests.TextContentAsync() ?? "", CultureInfo.InvariantCulture);

        const int sent = 7;
        for (var i = 0; i < sent; i++)
        {
            await WeatherTraffic.InferAsync(ui.Http, $"live-{Guid.NewGuid():N}", tempMax: 10 + i);
        }

        // No reload: the circuit pushes the new counts, the window's rate and latency percentiles.
        await Assertions.Expect(requests).ToHaveTextAsync((before + sent).ToString(CultureInfo.InvariantCulture), Refresh);
        await Assertions.Expect(row.Locator("[data-field='rate']")).Not.ToHaveTextAsync("—", new() { Timeout = 15_000 });
        await Assertions.Expect(row.Locator("[data-field='p99']")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[\d.,]+ ms$"), Refresh);
        await Assertions.Expect(row.Locator("[data-field='errors-total']")).ToHaveTextAsync("0");

        // It keeps going: a second burst is counted too, and the charts gain a point every refresh.
        for (var i = 0; i < 5; i++)
        {
            await WeatherTraffic.InferAsync(ui.Http, $"live-{Guid.NewGuid():N}", tempMax: 20 + i);
        }

        await Assertions.Expect(requests).ToHaveTextAsync((before + sent + 5).ToString(CultureInfo.InvariantCulture), Refresh);
        await Assertions.Expect(panel.Locator("[data-chart='live-rate'] .scatterlayer .points path").Nth(3)).ToBeAttachedAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(panel.Locator("[data-chart='live-rate'] .main-svg").First).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator("[data-chart='live-p99'] .main-svg").First).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator("[data-chart='live-rate'] .scatterlayer .trace")).Not.ToHaveCountAsync(0);

        await UiFixture.ScreenshotAsync(p.Page, "deployments-live");
        p.AssertNoProblems();
    }

    [Fact]
    public async Task RecentPredictions_ShowNewPredictionsWithFeedback_AndHostileTextStaysText()
    {
        // A request id, a feedback value, a change reason and an actor that would run script if a page did not escape them.
        var requestId = "ui-" + Guid.NewGuid().ToString("N")[..8] + UiSeed.Hostile;
        await WeatherTraffic.InferAsync(ui.Http, requestId);
        await WeatherTraffic.FeedbackAsync(ui.Http, requestId, UiSeed.Hostile);
        var current = (await UiSeed.GetJsonAsync(ui.Http, "/api/v1/deployments/weather")).GetProperty("deployment");
        var weights = current.GetProperty("variants").EnumerateArray()
            .Where(v => v.GetProperty("mode").GetString() == "live")
            .ToDictionary(v => v.GetProperty("name").GetString()!, v => v.GetProperty("weight").GetInt32());
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/deployments/weather/set-weights"))
        {
            request.Headers.TryAddWithoutValidation("X-Cairn-User", "actor " + UiSeed.Hostile);
            request.Content = JsonContent.Create(new { weights, reason = "reason " + UiSeed.Hostile });
            using var response = await ui.Http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        await WeatherTraffic.WaitUntilLoggedAsync(ui.Http, requestId);

        await using var p = await ui.OpenAsync(Links.Deployment("weather"));
        Assert.Equal(200, p.Status);
        var row = p.Page.GetByTestId("predictions-table").Locator("tbody tr").Filter(new() { Has = p.Page.Locator($"code[title='{requestId.Replace("'", "\\'", StringComparison.Ordinal)}']") });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("[data-field='feedback']")).ToContainTextAsync("actual: " + UiSeed.Hostile);
        await Assertions.Expect(row.Locator("[data-field='output']")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\w+ \(0?[\d.]+\)$"));
        await Assertions.Expect(p.Page.GetByTestId("predictions-table").Locator("tbody tr")).ToHaveCountAsync(50);

        var newest = p.Page.Locator("[data-testid='timeline'] > li").First;
        await Assertions.Expect(newest.Locator("[data-field='reason']")).ToHaveTextAsync("reason " + UiSeed.Hostile);
        await Assertions.Expect(newest.Locator("[data-field='actor']")).ToHaveTextAsync("actor " + UiSeed.Hostile);
        Assert.True(await UiSeed.IsCleanAsync(p.Page));

        await using var list = await ui.OpenAsync(Links.Deployments);
        Assert.True(await UiSeed.IsCleanAsync(list.Page));
        await UiFixture.ScreenshotAsync(p.Page, "deployments-predictions");
        p.AssertNoProblems();
    }
}
