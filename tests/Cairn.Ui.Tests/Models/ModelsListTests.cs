using Cairn.Server.Ui;
using Cairn.Server.Ui.Pages.Models;
using Cairn.Testing;

namespace Cairn.Ui.Tests.Models;

/// <summary>/models: the registered models with their newest version, aliases, description and tags.</summary>
[Collection(UiCollection.Name)]
public sealed class ModelsListTests(UiFixture ui)
{
    [Fact]
    public async Task Models_ListsTheDemoModel_WithItsChampionAlias_AndLinksToItsPage()
    {
        var demo = await DemoModel.LoadAsync(ui.Http);
        await using var p = await ui.OpenAsync(Links.Models);
        Assert.Equal(200, p.Status);

        var row = p.Page.Locator("[data-testid=models-table] tbody tr", new() { Has = p.Page.GetByRole(AriaRole.Link, new() { Name = demo.Name, Exact = true }) });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        var champion = row.Locator("a[data-alias=champion]");
        await Assertions.Expect(champion).ToHaveAttributeAsync("href", Links.ModelVersion(demo.Name, demo.ChampionVersion));
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = $"Version {demo.VersionCount}" }))
            .ToHaveAttributeAsync("href", Links.ModelVersion(demo.Name, demo.VersionCount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await UiFixture.ScreenshotAsync(p.Page, "models-list");
        p.AssertNoProblems();

        await row.GetByRole(AriaRole.Link, new() { Name = demo.Name, Exact = true }).ClickAsync();
        await p.Page.WaitForURLAsync("**" + Links.Model(demo.Name));
        await Assertions.Expect(p.Page.Locator("h1")).ToHaveTextAsync(demo.Name);
    }

    [Fact]
    public async Task Models_ShowHostileNamesAndDescriptions_AsText()
    {
        await using var p = await ui.OpenAsync(Links.Models);
        var link = p.Page.GetByRole(AriaRole.Link, new() { Name = ui.Seed.HostileModelName, Exact = true });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await Assertions.Expect(link).ToHaveAttributeAsync("href", Links.Model(ui.Seed.HostileModelName));
        await Assertions.Expect(p.Page.Locator("td.models-description", new() { HasText = UiSeed.Hostile })).ToHaveCountAsync(1);
        Assert.True(await UiSeed.IsCleanAsync(p.Page));
        p.AssertNoProblems();
    }

    [Fact]
    public async Task Models_SearchByName_KeepsOnlyMatchingModels()
    {
        await using var p = await ui.OpenAsync(Links.Models + "?q=SEATTLE");
        Assert.Equal(200, p.Status);
        await Assertions.Expect(p.Page.Locator("[data-testid=models-table] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(p.Page.GetByRole(AriaRole.Link, new() { Name = DemoModel.ModelName, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(p.Page.Locator("input[name=q]")).ToHaveValueAsync("SEATTLE");

        await using var none = await ui.OpenAsync(Links.Models + "?q=" + Uri.EscapeDataString("no such model's name"));
        await Assertions.Expect(none.Page.Locator("[data-testid=models-empty]")).ToBeVisibleAsync();
        none.AssertNoProblems();
    }

    [Fact]
    public async Task Models_WithABadFilter_ShowTheErrorAndStillRender_With400()
    {
        await using var p = await ui.OpenAsync(Links.Models + "?filter=" + Uri.EscapeDataString("colour = 'red'"));
        Assert.Equal(400, p.Status);
        await Assertions.Expect(p.Page.Locator("[data-testid=models-error]")).ToContainTextAsync("colour");
        await Assertions.Expect(p.Page.Locator("[data-testid=models-search]")).ToBeVisibleAsync();
        await Assertions.Expect(p.Page.Locator("nav.pager")).ToHaveCountAsync(0);
        await UiFixture.ScreenshotAsync(p.Page, "models-list-bad-filter");
    }

    [Fact]
    public async Task Models_FilterInTheMlflowGrammar_AndOrderByLastUpdate_Work()
    {
        await using var p = await ui.OpenAsync(Links.Models + "?filter=" + Uri.EscapeDataString("name = 'seattle-weather'") + "&order=updated");
        Assert.Equal(200, p.Status);
        await Assertions.Expect(p.Page.Locator("[data-testid=models-table] tbody tr")).ToHaveCountAsync(1);
        p.AssertNoProblems();
    }

    [Fact]
    public async Task Models_PageServerSide_WithANextPageLink()
    {
        // "zz-" sorts after the demo's models, so the first page of /models still shows them to the other tests.
        const string prefix = "zz-paging-probe-";
        for (var i = 0; i < ModelsQuery.PageSize + 2; i++)
        {
            await ui.Http.PostMlflowAsync("registered-models/create", new { name = $"{prefix}{i:00}" });
        }

        await using var p = await ui.OpenAsync(Links.Models + "?q=" + prefix);
        var rows = p.Page.Locator("[data-testid=models-table] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(ModelsQuery.PageSize);
        await Assertions.Expect(rows.First).ToContainTextAsync(prefix + "00");

        await p.Page.Locator("[data-testid=models-next]").ClickAsync();
        await p.Page.WaitForURLAsync("**page_token=**");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Last).ToContainTextAsync($"{prefix}{ModelsQuery.PageSize + 1:00}");
        await Assertions.Expect(p.Page.Locator("[data-testid=models-next]")).ToHaveCountAsync(0);
        p.AssertNoProblems();
    }
}
