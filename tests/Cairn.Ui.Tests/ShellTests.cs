namespace Cairn.Ui.Tests;

/// <summary>The frame every page shares (navigation, assets) and the overview at <c>/</c>.</summary>
[Collection(UiCollection.Name)]
public sealed class ShellTests(UiFixture ui)
{
    [Fact]
    public async Task Home_ShowsTheNavigation_ToEveryArea()
    {
        await using var home = await ui.OpenAsync("/");
        Assert.Equal(200, home.Status);
        var navigation = home.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        foreach (var area in new[] { "Experiments", "Models", "Datasets", "Pipelines", "Deployments", "Monitoring" })
        {
            await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = area, Exact = true })).ToBeVisibleAsync();
        }

        home.AssertNoProblems();
    }

    [Fact]
    public async Task Home_ShowsProduction_WithTheDemosDeploymentItsDriftAndRollouts()
    {
        await using var home = await ui.OpenAsync("/");
        var production = home.Page.GetByTestId("production");
        var weather = production.GetByRole(AriaRole.Link, new() { Name = "weather", Exact = true });
        await Assertions.Expect(weather).ToHaveAttributeAsync("href", "/deployments/weather");

        // The demo's last report saw the drifted year, and it ran two rollouts: one promoted, one rolled back.
        await Assertions.Expect(production.Locator("[data-status='drift']")).ToBeVisibleAsync();
        var rollouts = home.Page.GetByTestId("recent-rollouts");
        await Assertions.Expect(rollouts.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(rollouts.Locator("[data-status='Promoted']")).ToHaveCountAsync(1);
        await Assertions.Expect(rollouts.Locator("[data-status='RolledBack']")).ToHaveCountAsync(1);
        await Assertions.Expect(home.Page.GetByTestId("recent-pipelines").GetByRole(AriaRole.Link, new() { Name = "weather-retrain" })).ToBeVisibleAsync();

        await UiFixture.ScreenshotAsync(home.Page, "home");
        home.AssertNoProblems();
    }
}
