using System.Text.RegularExpressions;

namespace Cairn.Ui.Tests.Pipelines;

/// <summary>The pipeline list and a pipeline's page (triggers, runs, versions, definition) over the demo's data.</summary>
[Collection(UiCollection.Name)]
public sealed class PipelinePagesTests(UiFixture ui)
{
    [Fact]
    public async Task PipelineList_ShowsTheDemoPipelines_WithLastRunAndTriggers()
    {
        await using var p = await ui.OpenAsync("/pipelines");
        Assert.Equal(200, p.Status);
        var table = p.Page.GetByTestId("pipelines");
        var retrain = table.Locator("tr[data-pipeline='weather-retrain']");
        var champion = table.Locator("tr[data-pipeline='weather-champion']");
        await Assertions.Expect(retrain).ToBeVisibleAsync();
        await Assertions.Expect(champion).ToBeVisibleAsync();
        // The retraining pipeline is applied with its drift trigger; the champion pipeline only ran by hand.
        await Assertions.Expect(retrain).ToContainTextAsync("drift: deployment weather");
        await Assertions.Expect(champion).ToContainTextAsync("not applied");
        await Assertions.Expect(champion.Locator("[data-status='COMPLETE']")).ToBeVisibleAsync();

        var lastRun = await PipelinesData.RunAsync(ui, "weather-champion", _ => true);
        var runLink = champion.GetByRole(AriaRole.Link, new() { Name = PipelinesData.RunId(lastRun)[..8] });
        await Assertions.Expect(runLink).ToHaveAttributeAsync("href", $"/pipelines/runs/{PipelinesData.RunId(lastRun)}");

        await UiFixture.ScreenshotAsync(p.Page, "pipelines-list");
        await retrain.GetByRole(AriaRole.Link, new() { Name = "weather-retrain" }).ClickAsync();
        await Assertions.Expect(p.Page).ToHaveURLAsync(new Regex("/pipelines/weather-retrain$"));
        await Assertions.Expect(p.Page.GetByRole(AriaRole.Heading, new() { Name = "weather-retrain", Level = 1 })).ToBeVisibleAsync();
        p.AssertNoProblems();
    }

    [Fact]
    public async Task PipelinePage_ShowsTriggersRunsVersionsAndDefinition()
    {
        var drift = await PipelinesData.DriftRunAsync(ui);
        await using var p = await ui.OpenAsync("/pipelines/weather-retrain");
        Assert.Equal(200, p.Status);

        var trigger = p.Page.GetByTestId("triggers").Locator("tr[data-kind='drift']");
        await Assertions.Expect(trigger).ToContainTextAsync("drift: deployment weather, dataset drift, cooldown 24h");
        // The trigger fired (it started the drift run) and remembers why it last fired or held back.
        await Assertions.Expect(trigger.GetByTestId("last-reason")).ToContainTextAsync("dataset drift detected");
        await Assertions.Expect(trigger.Locator("[data-status]")).ToHaveTextAsync(new Regex("^(cooldown|armed)$"));

        var runs = p.Page.GetByTestId("runs").Locator("tbody tr");
        await Assertions.Expect(runs).ToHaveCountAsync(2);
        var driftRow = p.Page.GetByTestId("runs").Locator($"tr[data-run='{PipelinesData.RunId(drift)}']");
        await Assertions.Expect(driftRow).ToContainTextAsync("drift: deployment weather report");

        await Assertions.Expect(p.Page.GetByTestId("versions").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(p.Page.GetByTestId("definition")).ToContainTextAsync("name: weather-retrain");
        await Assertions.Expect(p.Page.GetByTestId("definition")).ToContainTextAsync("uses: mlnet.train");

        await UiFixture.ScreenshotAsync(p.Page, "pipelines-pipeline");
        await driftRow.Locator("a").First.ClickAsync();
        await Assertions.Expect(p.Page).ToHaveURLAsync(new Regex($"/pipelines/runs/{PipelinesData.RunId(drift)}$"));
        await Assertions.Expect(p.Page.GetByTestId("dag")).ToBeVisibleAsync();
        p.AssertNoProblems();
    }

    [Fact]
    public async Task PipelinePage_ShowsMarkupInTheDefinition_AsText()
    {
        await PipelinesData.HostileRunAsync(ui);
        await using var p = await ui.OpenAsync("/pipelines/" + PipelinesData.HostilePipeline);
        Assert.Equal(200, p.Status);
        await Assertions.Expect(p.Page.GetByTestId("definition")).ToContainTextAsync("printf \"%s\\n\" \"$NOTE\"; exit 3");
        await Assertions.Expect(p.Page.GetByTestId("runs").Locator("[data-status='FAILED']")).ToBeVisibleAsync();
        Assert.True(await UiSeed.IsCleanAsync(p.Page));
        p.AssertNoProblems();
    }

    [Fact]
    public async Task PipelinePage_UnknownVersion_ShowsTheError_AndStillRenders()
    {
        await using var p = await ui.OpenAsync("/pipelines/weather-retrain?version=<b>nope</b>");
        Assert.Equal(400, p.Status);
        await Assertions.Expect(p.Page.GetByTestId("version-error")).ToContainTextAsync("Invalid value '<b>nope</b>' for parameter 'version'");
        await Assertions.Expect(p.Page.GetByTestId("definition")).ToContainTextAsync("name: weather-retrain");
    }

    [Fact]
    public async Task UnknownPipeline_IsNotFound()
    {
        using var response = await ui.Http.GetAsync("pipelines/no-such-pipeline");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
