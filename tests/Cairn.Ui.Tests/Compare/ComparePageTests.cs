using System.Text.RegularExpressions;
using Cairn.Server.Ui;
using Cairn.Testing;

namespace Cairn.Ui.Tests.Compare;

/// <summary>/compare: curves overlaid, parallel coordinates, the diff table and its toggle, on runs logged through the API and the demo's pipeline runs.</summary>
[Collection(UiCollection.Name)]
public sealed class ComparePageTests(UiFixture ui) : IAsyncLifetime
{
    private CompareSweep _sweep = null!;

    public async Task InitializeAsync() => _sweep = await CompareSweep.CreateAsync(ui.Http);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Compare_ASweep_OverlaysCurves_DrawsParcoords_AndHighlightsDifferingRows()
    {
        var ids = _sweep.RunIds;
        // Both spellings at once: a comma list and a repeated parameter.
        await using var p = await ui.OpenAsync($"/compare?runs={ids[0]},{ids[1]}&runs={ids[2]}");

        Assert.Equal(200, p.Status);
        await Assertions.Expect(p.Page.Locator("h1")).ToHaveTextAsync("Compare 3 runs");
        await Assertions.Expect(p.Page.Locator("[data-testid=compare-runs] tbody tr")).ToHaveCountAsync(3);
        var curve = p.Page.Locator("[data-chart='metric-curve']");
        await Assertions.Expect(curve).ToHaveCountAsync(1);
        await Assertions.Expect(curve.Locator(".main-svg").First).ToBeVisibleAsync();
        await Assertions.Expect(curve.Locator(".scatterlayer .trace")).ToHaveCountAsync(3);
        await Assertions.Expect(p.Page.Locator("[data-chart='metric-values'] .main-svg").First).ToBeVisibleAsync();
        var parcoords = p.Page.Locator("[data-chart='parcoords']");
        await Assertions.Expect(parcoords.Locator(".main-svg").First).ToBeVisibleAsync();
        // One axis per param (epochs, lr, optimizer) plus the metric; the categorical param's values are its ticks.
        await Assertions.Expect(parcoords.Locator("g.y-axis")).ToHaveCountAsync(4);
        await Assertions.Expect(parcoords.GetByText("sgd", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(p.Page.Locator("#metric")).ToHaveValueAsync("accuracy");

        var diff = p.Page.Locator("[data-testid=compare-diff]");
        await Assertions.Expect(diff.Locator("tr[data-key='lr']")).ToHaveClassAsync("differs");
        await Assertions.Expect(diff.Locator("tr[data-key='optimizer'] td").Nth(2)).ToHaveTextAsync("sgd");
        await Assertions.Expect(diff.Locator("tr[data-key='epochs']")).Not.ToHaveClassAsync("differs");
        await Assertions.Expect(diff.Locator("thead a").First).ToHaveAttributeAsync("href", Links.Run(ids[0]));
        await UiFixture.ScreenshotAsync(p.Page, "compare-sweep");
        p.AssertNoProblems();

        await p.Page.GetByTestId("diff-toggle").ClickAsync();
        await Assertions.Expect(p.Page).ToHaveURLAsync(new Regex("diff=1"));
        await Assertions.Expect(diff.Locator("tr[data-key='lr']")).ToBeVisibleAsync();
        await Assertions.Expect(diff.Locator("tr[data-key='epochs']")).ToHaveCountAsync(0);
        await Assertions.Expect(p.Page.GetByTestId("diff-toggle")).ToHaveTextAsync("Show all rows");
    }

    [Fact]
    public async Task Compare_ChoosingAMetric_RedrawsParcoordsAgainstIt_AndKeepsTheRuns()
    {
        await using var p = await ui.OpenAsync(Links.Compare(_sweep.RunIds));

        await p.Page.Locator("#metric").SelectOptionAsync("loss");
        await p.Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Assertions.Expect(p.Page).ToHaveURLAsync(new Regex("metric=loss"));
        await Assertions.Expect(p.Page.Locator("#metric")).ToHaveValueAsync("loss");
        await Assertions.Expect(p.Page.Locator("[data-testid=compare-runs] tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(p.Page.Locator("[data-chart='parcoords'] .main-svg").First).ToBeVisibleAsync();
        p.AssertNoProblems();
    }

    [Fact]
    public async Task Compare_TheDemosPipelineRuns_ShowsTheirMetricsAndParams()
    {
        var search = await ui.Http.PostOkAsync("experiments/search", new { max_results = 100, filter = "name LIKE 'pipeline:%'" });
        var experimentIds = search.GetProperty("experiments").EnumerateArray().Select(e => e.GetProperty("experiment_id").GetString()).ToArray();
        var runs = await ui.Http.PostOkAsync("runs/search", new { experiment_ids = experimentIds, max_results = 10 });
        var ids = runs.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("info").GetProperty("run_id").GetString()!).Take(3).ToList();
        Assert.True(ids.Count >= 2, "the demo made at least two tracked pipeline runs");

        await using var p = await ui.OpenAsync(Links.Compare(ids));

        Assert.Equal(200, p.Status);
        await Assertions.Expect(p.Page.Locator("[data-testid=compare-runs] tbody tr")).ToHaveCountAsync(ids.Count);
        await Assertions.Expect(p.Page.Locator("[data-chart='metric-values'] .main-svg").First).ToBeVisibleAsync();
        await Assertions.Expect(p.Page.Locator("[data-chart='parcoords'] .main-svg").First).ToBeVisibleAsync();
        await Assertions.Expect(p.Page.Locator("[data-testid=compare-diff] tr[data-key='trainer']")).ToBeVisibleAsync();
        await Assertions.Expect(p.Page.Locator("[data-testid=compare-diff] tr[data-key='cairn.pipeline_run']")).ToHaveClassAsync("differs");
        await UiFixture.ScreenshotAsync(p.Page, "compare-demo");
        p.AssertNoProblems();
    }

    [Fact]
    public async Task Compare_AHostileRun_ShowsItsNameParamAndTagAsText()
    {
        await using var p = await ui.OpenAsync(Links.Compare([ui.Seed.HostileRunId, _sweep.RunIds[0]], "hostile_metric", onlyDifferences: false));

        Assert.Equal(200, p.Status);
        await Assertions.Expect(p.Page.Locator("[data-testid=compare-runs]").GetByText("run " + UiSeed.Hostile)).ToBeVisibleAsync();
        await Assertions.Expect(p.Page.Locator("[data-testid=compare-diff] tr[data-key='hostile_param'] td").Nth(1)).ToHaveTextAsync(UiSeed.Hostile);
        await Assertions.Expect(p.Page.Locator("[data-testid=compare-diff] tr[data-key='note'] td").Nth(1)).ToHaveTextAsync(UiSeed.Hostile);
        await Assertions.Expect(p.Page.Locator("[data-chart='metric-curve'] .main-svg").First).ToBeVisibleAsync();
        await Assertions.Expect(p.Page.Locator("[data-chart='parcoords'] .main-svg").First).ToBeVisibleAsync();
        await UiFixture.ScreenshotAsync(p.Page, "compare-hostile");
        Assert.True(await UiSeed.IsCleanAsync(p.Page));
        p.AssertNoProblems();
    }

    [Fact]
    public async Task Compare_AnUnknownRun_Answers404_NamesIt_AndComparesTheOthers()
    {
        const string unknown = "0123456789abcdef0123456789abcdef";
        await using var p = await ui.OpenAsync(Links.Compare([_sweep.RunIds[0], unknown]));

        Assert.Equal(404, p.Status);
        await Assertions.Expect(p.Page.GetByTestId("compare-missing")).ToContainTextAsync(unknown);
        await Assertions.Expect(p.Page.Locator("[data-testid=compare-runs] tbody tr")).ToHaveCountAsync(1);
        await UiFixture.ScreenshotAsync(p.Page, "compare-unknown-run");
    }

    [Theory]
    [InlineData("/compare", "Missing value for parameter 'runs'")]
    [InlineData("/compare?runs=,", "Missing value for parameter 'runs'")]
    [InlineData("/compare?runs=a,b,c,d,e,f,g,h,i,j,k", "11 runs were given; compare at most 10")]
    public async Task Compare_WithoutRunsOrTooMany_Answers400_WithTheRule(string path, string message)
    {
        await using var p = await ui.OpenAsync(path);

        Assert.Equal(400, p.Status);
        await Assertions.Expect(p.Page.GetByTestId("compare-error")).ToContainTextAsync(message);
        await Assertions.Expect(p.Page.Locator(".sidebar")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Compare_AMetricNoRunHas_Answers400_AndStillDrawsTheDefault()
    {
        await using var p = await ui.OpenAsync(Links.Compare(_sweep.RunIds, "<b>nope</b>", onlyDifferences: false));

        Assert.Equal(400, p.Status);
        await Assertions.Expect(p.Page.GetByTestId("compare-error")).ToContainTextAsync("none of these runs has a metric '<b>nope</b>'");
        await Assertions.Expect(p.Page.Locator("#metric")).ToHaveValueAsync("accuracy");
    }
}
