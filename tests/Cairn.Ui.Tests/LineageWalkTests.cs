using System.Text.RegularExpressions;

namespace Cairn.Ui.Tests;

/// <summary>
/// The lineage is walkable in the browser: from the deployment in production to the model version it
/// serves, to the run and the pipeline run that made it, to the dataset version it was trained on — and
/// back, by clicking the links a user would click.
/// </summary>
[Collection(UiCollection.Name)]
public sealed partial class LineageWalkTests(UiFixture ui)
{
    [Fact]
    public async Task FromDeployment_ToModelVersion_Run_PipelineRun_DatasetVersion_AndBack()
    {
        await using var walk = await ui.OpenAsync("/deployments/weather");
        var page = walk.Page;

        await FollowAsync(page, "a[href^='/models/seattle-weather/versions/']", ModelVersionUrl());
        var versionUrl = page.Url;
        await Assertions.Expect(page.Locator("main a[href='/deployments/weather']").First).ToBeVisibleAsync();

        await FollowAsync(page, "a[href^='/runs/']", RunUrl());
        await FollowAsync(page, "a[href^='/pipelines/runs/']", PipelineRunUrl());
        var pipelineRunPath = new Uri(page.Url).AbsolutePath;
        await Assertions.Expect(page.Locator("svg.dag")).ToBeVisibleAsync();

        await FollowAsync(page, "a[href^='/datasets/weather/versions/']", DatasetVersionUrl());

        // Back: the dataset version names the pipeline run that read it, and the run's model version is
        // the one the deployment serves.
        await Assertions.Expect(page.Locator($"main a[href='{pipelineRunPath}']").First).ToBeVisibleAsync();
        await FollowAsync(page, $"a[href='{pipelineRunPath}']", PipelineRunUrl());
        await Assertions.Expect(page.Locator($"main a[href='{new Uri(versionUrl).AbsolutePath}']").First).ToBeVisibleAsync();

        await UiFixture.ScreenshotAsync(page, "lineage-walk-end");
        walk.AssertNoProblems();
    }

    private static async Task FollowAsync(IPage page, string selector, Regex expectedUrl)
    {
        var link = page.Locator("main " + selector).First;
        await Assertions.Expect(link).ToBeVisibleAsync();
        await link.ClickAsync();
        await page.WaitForURLAsync(expectedUrl);
        await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/models/seattle-weather/versions/\d+$")]
    private static partial Regex ModelVersionUrl();

    [GeneratedRegex(@"/runs/[0-9a-f]{32}$")]
    private static partial Regex RunUrl();

    [GeneratedRegex(@"/pipelines/runs/[^/#?]+$")]
    private static partial Regex PipelineRunUrl();

    [GeneratedRegex(@"/datasets/weather/versions/[0-9a-f]{64}$")]
    private static partial Regex DatasetVersionUrl();
}
