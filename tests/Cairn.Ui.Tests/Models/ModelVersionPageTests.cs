using Cairn.Server.Ui;

namespace Cairn.Ui.Tests.Models;

/// <summary>
/// /models/{name}/versions/{version}: signature, the source run's metrics, lineage to the pipeline run,
/// tracking run and dataset versions, and the deployments serving it; every link leads where it says.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class ModelVersionPageTests(UiFixture ui)
{
    [Fact]
    public async Task Version_ShowsSignatureMetricsAndLineage_WithLinksToRunPipelineRunAndData()
    {
        var demo = await DemoModel.LoadAsync(ui.Http);
        await using var p = await ui.OpenAsync(Links.ModelVersion(demo.Name, demo.ChampionVersion));
        Assert.Equal(200, p.Status);
        var page = p.Page;
        await Assertions.Expect(page.GetByTestId("version-title")).ToContainTextAsync($"{demo.Name} version {demo.ChampionVersion}");
        await Assertions.Expect(page.Locator("a[data-alias=champion]")).ToBeVisibleAsync();

        // The Seattle weather model reads the five weather columns and answers a label with probabilities.
        var inputs = page.Locator("[data-testid=signature-inputs] tbody tr");
        await Assertions.Expect(inputs).ToHaveCountAsync(5);
        foreach (var column in new[] { "date", "precipitation", "temp_max", "temp_min", "wind" })
        {
            await Assertions.Expect(page.Locator("[data-testid=signature-inputs]")).ToContainTextAsync(column);
        }

        await Assertions.Expect(page.Locator("[data-testid=signature-outputs]")).ToContainTextAsync("probabilities");
        await Assertions.Expect(page.GetByTestId("signature-task")).ToContainTextAsync("weather");

        await Assertions.Expect(page.Locator("[data-testid=run-metrics] tbody tr", new() { HasText = "accuracy" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("source-run-link")).ToHaveAttributeAsync("href", Links.Run(demo.ChampionRunId));
        await Assertions.Expect(page.GetByTestId("pipeline-run-link")).ToHaveAttributeAsync("href", Links.PipelineRun(demo.ChampionPipelineRunId));
        await Assertions.Expect(page.GetByTestId("tracking-run-link")).ToHaveAttributeAsync("href", Links.Run(demo.ChampionRunId));
        Assert.NotEmpty(demo.ChampionDatasets);
        var datasetLinks = page.GetByTestId("dataset-version-link");
        await Assertions.Expect(datasetLinks).ToHaveCountAsync(demo.ChampionDatasets.Count);
        var (dataset, version) = demo.ChampionDatasets[0];
        await Assertions.Expect(datasetLinks.First).ToHaveAttributeAsync("href", Links.DatasetVersion(dataset, version));
        await Assertions.Expect(page.Locator("[data-testid=lineage-steps] tbody tr", new() { HasText = "model.register" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("bundle-download")).ToBeVisibleAsync();
        await UiFixture.ScreenshotAsync(page, "models-version");
        p.AssertNoProblems();

        // The links are real navigations to the other areas' pages (opened afresh: the target may answer 404
        // on a branch that does not have that area's pages yet, which leaves nothing to go back from).
        foreach (var (testId, target) in new[]
        {
            ("source-run-link", Links.Run(demo.ChampionRunId)),
            ("pipeline-run-link", Links.PipelineRun(demo.ChampionPipelineRunId)),
            ("dataset-version-link", Links.DatasetVersion(dataset, version)),
        })
        {
            await using var again = await ui.OpenAsync(Links.ModelVersion(demo.Name, demo.ChampionVersion));
            await again.Page.GetByTestId(testId).First.ClickAsync();
            await again.Page.WaitForURLAsync("**" + target);
        }
    }

    [Fact]
    public async Task Version_ServedByADeployment_ListsTheVariantWithItsWeight_AndLinksToTheDeployment()
    {
        var demo = await DemoModel.LoadAsync(ui.Http);
        await using var p = await ui.OpenAsync(Links.ModelVersion(demo.Name, demo.ServedVersion));
        var row = p.Page.Locator("[data-testid=served-by-table] tbody tr", new() { HasText = demo.ServingDeployment });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("%");
        await Assertions.Expect(row.GetByTestId("deployment-link")).ToHaveAttributeAsync("href", Links.Deployment(demo.ServingDeployment));
        // The audit trail: the deployment's recorded changes that gave this version its traffic.
        await Assertions.Expect(p.Page.Locator("[data-testid=version-history] tbody tr", new() { HasText = demo.ServingDeployment }).First).ToBeVisibleAsync();
        await UiFixture.ScreenshotAsync(p.Page, "models-version-served");
        p.AssertNoProblems();

        await row.GetByTestId("deployment-link").ClickAsync();
        await p.Page.WaitForURLAsync("**" + Links.Deployment(demo.ServingDeployment));
    }

    [Fact]
    public async Task Version_ByAlias_ShowsTheVersionTheAliasPointsAt()
    {
        var demo = await DemoModel.LoadAsync(ui.Http);
        await using var p = await ui.OpenAsync(Links.ModelVersion(demo.Name, "champion"));
        Assert.Equal(200, p.Status);
        await Assertions.Expect(p.Page.GetByTestId("version-title")).ToContainTextAsync($"version {demo.ChampionVersion}");
        p.AssertNoProblems();
    }

    [Fact]
    public async Task Version_WithHostileDescription_AndNoBundle_ShowsTextAndExplains()
    {
        await using var p = await ui.OpenAsync(Links.ModelVersion(ui.Seed.HostileModelName, "1"));
        Assert.Equal(200, p.Status);
        await Assertions.Expect(p.Page.GetByTestId("version-description")).ToHaveTextAsync(UiSeed.Hostile);
        await Assertions.Expect(p.Page.GetByTestId("version-title")).ToContainTextAsync(ui.Seed.HostileModelName);
        await Assertions.Expect(p.Page.GetByTestId("signature-empty")).ToBeVisibleAsync();
        await Assertions.Expect(p.Page.GetByTestId("served-by-empty")).ToBeVisibleAsync();
        await Assertions.Expect(p.Page.GetByTestId("lineage-note")).ToContainTextAsync("not registered by a pipeline");
        await Assertions.Expect(p.Page.Locator("[data-testid=run-metrics]")).ToContainTextAsync("hostile_metric");
        await Assertions.Expect(p.Page.Locator("[data-testid=run-params]")).ToContainTextAsync(UiSeed.Hostile);
        Assert.True(await UiSeed.IsCleanAsync(p.Page));
        await UiFixture.ScreenshotAsync(p.Page, "models-version-hostile");
        p.AssertNoProblems();
    }

    [Theory]
    [InlineData("seattle-weather", "999")]
    [InlineData("seattle-weather", "no-such-alias")]
    [InlineData("no-such-model", "1")]
    public async Task Version_ThatDoesNotExist_Is404(string model, string version)
    {
        await using var p = await ui.OpenAsync(Links.ModelVersion(model, version));
        Assert.Equal(404, p.Status);
        await Assertions.Expect(p.Page.GetByTestId("not-found")).ToContainTextAsync(version);
    }
}
