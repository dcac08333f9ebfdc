namespace Cairn.Ui.Tests.Experiments;

/// <summary>/experiments: every experiment with its run count and last activity, linking to its runs.</summary>
[Collection(UiCollection.Name)]
public sealed class ExperimentsListTests(UiFixture ui)
{
    [Fact]
    public async Task Experiments_ListsTheDemoExperiments_WithRunCounts_AndLinksToEach()
    {
        var championId = await RunsSeed.ExperimentIdAsync(ui.Http, "pipeline:weather-champion");
        await using var p = await ui.OpenAsync("/experiments");

        Assert.Equal(200, p.Status);
        var row = p.Page.Locator($"table[data-testid=experiments] tr[data-experiment-id='{championId}']");
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = "pipeline:weather-champion" })).ToBeVisibleAsync();
        var runs = int.Parse(await row.Locator("td").Nth(2).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(runs >= 1, $"the champion pipeline logged {runs} runs");
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = "weather-champion", Exact = true })).ToHaveAttributeAsync("href", "/pipelines/weather-champion");

        // The hostile experiment's name is shown as text, and nothing it holds ran.
        await Assertions.Expect(p.Page.GetByText("xss " + UiSeed.Hostile)).ToBeVisibleAsync();
        Assert.True(await UiSeed.IsCleanAsync(p.Page));
        await UiFixture.ScreenshotAsync(p.Page, "runs-experiments");
        p.AssertNoProblems();

        await row.GetByRole(AriaRole.Link, new() { Name = "pipeline:weather-champion" }).ClickAsync();
        await p.Page.WaitForURLAsync($"**/experiments/{championId}");
        await Assertions.Expect(p.Page.GetByTestId("experiment-name")).ToHaveTextAsync("pipeline:weather-champion");
    }

    [Fact]
    public async Task UnknownExperiment_IsNotFound()
    {
        await using var p = await ui.OpenAsync("/experiments/987654");

        Assert.Equal(404, p.Status);
        await Assertions.Expect(p.Page.GetByTestId("not-found")).ToContainTextAsync("Experiment 987654");
    }
}
