using System.Globalization;
using Cairn.Server.Ui;

namespace Cairn.Ui.Tests.Models;

/// <summary>/models/{name}: the versions table (stage, aliases, status, source run, serving), aliases, tags.</summary>
[Collection(UiCollection.Name)]
public sealed class ModelPageTests(UiFixture ui)
{
    [Fact]
    public async Task Model_ShowsEveryVersion_WithAliasSourceRunAndDeployment()
    {
        var demo = await DemoModel.LoadAsync(ui.Http);
        await using var p = await ui.OpenAsync(Links.Model(demo.Name));
        Assert.Equal(200, p.Status);
        await Assertions.Expect(p.Page.Locator("h1")).ToHaveTextAsync(demo.Name);

        var rows = p.Page.Locator("[data-testid=versions-table] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(demo.VersionCount);
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-version", demo.VersionCount.ToString(CultureInfo.InvariantCulture));

        var champion = p.Page.Locator($"[data-testid=versions-table] tr[data-version='{demo.ChampionVersion}']");
        await Assertions.Expect(champion.Locator("a[data-alias=champion]")).ToBeVisibleAsync();
        await Assertions.Expect(champion.Locator("[data-status]").First).ToHaveTextAsync("READY");
        await Assertions.Expect(champion.Locator($"a[href='{Links.Run(demo.ChampionRunId)}']")).ToBeVisibleAsync();
        await Assertions.Expect(champion.Locator($"a[href='{Links.PipelineRun(demo.ChampionPipelineRunId)}']")).ToBeVisibleAsync();

        var served = p.Page.Locator($"[data-testid=versions-table] tr[data-version='{demo.ServedVersion}']");
        await Assertions.Expect(served.Locator($"a[href='{Links.Deployment(demo.ServingDeployment)}']")).ToBeVisibleAsync();

        await Assertions.Expect(p.Page.Locator("[data-testid=aliases-table]")).ToContainTextAsync("champion");
        var compare = await p.Page.GetByTestId("compare-runs").GetAttributeAsync("href");
        Assert.StartsWith("/compare?runs=", compare);
        Assert.Contains(demo.ChampionRunId, compare);
        await Assertions.Expect(p.Page.Locator("[data-chart='model-metrics'] .main-svg").First).ToBeVisibleAsync();
        await UiFixture.ScreenshotAsync(p.Page, "models-model");
        p.AssertNoProblems();

        await champion.GetByTestId("version-link").ClickAsync();
        await p.Page.WaitForURLAsync("**" + Links.ModelVersion(demo.Name, demo.ChampionVersion));
        await Assertions.Expect(p.Page.GetByTestId("version-title")).ToContainTextAsync($"version {demo.ChampionVersion}");
    }

    [Fact]
    public async Task Model_WithAHostileName_ShowsItAsText()
    {
        await using var p = await ui.OpenAsync(Links.Model(ui.Seed.HostileModelName));
        Assert.Equal(200, p.Status);
        await Assertions.Expect(p.Page.Locator("h1")).ToHaveTextAsync(ui.Seed.HostileModelName);
        await Assertions.Expect(p.Page.GetByTestId("model-description")).ToHaveTextAsync(UiSeed.Hostile);
        await Assertions.Expect(p.Page.Locator("[data-testid=versions-table] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(p.Page.GetByTestId("version-link")).ToHaveAttributeAsync("href", Links.ModelVersion(ui.Seed.HostileModelName, "1"));
        await Assertions.Expect(p.Page.Locator($"a[href='{Links.Run(ui.Seed.HostileRunId)}']")).ToBeVisibleAsync();
        Assert.True(await UiSeed.IsCleanAsync(p.Page));
        await UiFixture.ScreenshotAsync(p.Page, "models-model-hostile");
        p.AssertNoProblems();
    }

    [Fact]
    public async Task Model_ThatDoesNotExist_Is404()
    {
        await using var p = await ui.OpenAsync(Links.Model("no-such-model"));
        Assert.Equal(404, p.Status);
        await Assertions.Expect(p.Page.GetByTestId("not-found")).ToContainTextAsync("no-such-model");
        await Assertions.Expect(p.Page.GetByTestId("not-found").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", Links.Models);
    }
}
