namespace Cairn.Ui.Tests;

/// <summary>The frame every page shares: navigation, assets, charts drawn by plotly.js.</summary>
[Collection(UiCollection.Name)]
public sealed class ShellTests(UiFixture ui)
{
    [Fact]
    public async Task Home_ShowsTheNavigation_ToEveryArea()
    {
        await using var home = await ui.OpenAsync("/");
        Assert.Equal(200, home.Status);
        foreach (var area in new[] { "Experiments", "Models", "Datasets", "Pipelines", "Deployments", "Monitoring" })
        {
            await Assertions.Expect(home.Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = area, Exact = true })).ToBeVisibleAsync();
        }

        await UiFixture.ScreenshotAsync(home.Page, "home");
        home.AssertNoProblems();
    }
}
