using System.Globalization;

namespace Cairn.Ui.Tests.Experiments;

/// <summary>/experiments/{id}: the runs table — columns, the MLflow filter grammar, sorting, server-side paging, compare.</summary>
[Collection(UiCollection.Name)]
public sealed class RunsTableTests(UiFixture ui)
{
    [Fact]
    public async Task PipelineExperiment_ShowsItsRuns_WithMetricAndParamColumns_LinkingToEachRun()
    {
        var champion = await RunsSeed.ChampionRunAsync(ui.Http);
        var experimentId = champion.GetProperty("info").GetProperty("experiment_id").GetString()!;
        var runId = champion.GetProperty("info").GetProperty("run_id").GetString()!;
        await using var p = await ui.OpenAsync($"/experiments/{experimentId}");

        Assert.Equal(200, p.Status);
        var table = p.Page.GetByTestId("runs");
        await Assertions.Expect(table.Locator("th[data-column='metrics.accuracy']")).ToBeVisibleAsync();
        await Assertions.Expect(table.Locator("th[data-column='params.trainer']")).ToBeVisibleAsync();
        var row = table.Locator($"tr[data-run-id='{runId}']");
        var accuracy = await row.Locator("td[data-column='metrics.accuracy']").InnerTextAsync();
        Assert.True(double.Parse(accuracy, CultureInfo.InvariantCulture) is > 0 and <= 1, $"accuracy cell '{accuracy}'");
        await Assertions.Expect(row.Locator("td[data-column='params.trainer']")).Not.ToBeEmptyAsync();
        await Assertions.Expect(row.Locator("[data-status]")).ToHaveTextAsync("FINISHED");
        await UiFixture.ScreenshotAsync(p.Page, "runs-experiment");
        p.AssertNoProblems();

        await row.GetByRole(AriaRole.Link, new() { Name = champion.GetProperty("info").GetProperty("run_name").GetString()! }).ClickAsync();
        await p.Page.WaitForURLAsync($"**/runs/{runId}");
        await Assertions.Expect(p.Page.GetByTestId("run-name")).ToHaveTextAsync(champion.GetProperty("info").GetProperty("run_name").GetString()!);
    }

    [Fact]
    public async Task Filter_UsesTheMlflowGrammar_AndABadFilterIsAnErrorBox_WithStatus400()
    {
        var (experimentId, _) = await RunsSeed.NumberedExperimentAsync(ui.Http, 12);
        await using var p = await ui.OpenAsync($"/experiments/{experimentId}");

        await p.Page.GetByLabel("Filter runs").FillAsync("metrics.score >= 9 and params.parity = 'odd'");
        await p.Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(p.Page.Locator("table[data-testid=runs] tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(p.Page.Locator("table[data-testid=runs] tbody td[data-column='metrics.score']")).ToHaveTextAsync(["11", "9"]);
        await Assertions.Expect(p.Page.GetByLabel("Filter runs")).ToHaveValueAsync("metrics.score >= 9 and params.parity = 'odd'");
        p.AssertNoProblems();

        await using var bad = await ui.OpenAsync($"/experiments/{experimentId}?filter=" + Uri.EscapeDataString("metrics.score >>> 3"));
        Assert.Equal(400, bad.Status);
        await Assertions.Expect(bad.Page.GetByTestId("runs-error")).ToContainTextAsync("filter");
        await Assertions.Expect(bad.Page.GetByTestId("experiment-name")).ToBeVisibleAsync();
        await UiFixture.ScreenshotAsync(bad.Page, "runs-experiment-bad-filter");

        await using var badOrder = await ui.OpenAsync($"/experiments/{experimentId}?order=" + Uri.EscapeDataString("colour DESC"));
        Assert.Equal(400, badOrder.Status);
        await Assertions.Expect(badOrder.Page.GetByTestId("runs-error")).ToContainTextAsync("colour");

        await using var badPage = await ui.OpenAsync($"/experiments/{experimentId}?page=forged");
        Assert.Equal(400, badPage.Status);
        await Assertions.Expect(badPage.Page.GetByTestId("runs-error")).ToContainTextAsync("page token");
    }

    [Fact]
    public async Task ClickingAColumnHeader_SortsByIt_AscendingThenDescending()
    {
        var (experimentId, _) = await RunsSeed.NumberedExperimentAsync(ui.Http, 6);
        await using var p = await ui.OpenAsync($"/experiments/{experimentId}");
        var header = p.Page.Locator("th[data-column='metrics.score']");
        var cells = p.Page.Locator("tbody td[data-column='metrics.score']");

        await header.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(header).ToHaveAttributeAsync("aria-sort", "ascending");
        await Assertions.Expect(cells).ToHaveTextAsync(["0", "1", "2", "3", "4", "5"]);

        await header.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(header).ToHaveAttributeAsync("aria-sort", "descending");
        await Assertions.Expect(cells).ToHaveTextAsync(["5", "4", "3", "2", "1", "0"]);

        var nameHeader = p.Page.Locator("th[data-column='run_name']");
        await nameHeader.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(nameHeader).ToHaveAttributeAsync("aria-sort", "ascending");
        await Assertions.Expect(p.Page.Locator("tbody tr td:nth-child(2)")).ToHaveTextAsync(["run-00", "run-01", "run-02", "run-03", "run-04", "run-05"]);
        p.AssertNoProblems();
    }

    [Fact]
    public async Task Paging_IsServerSide_WithNextAndPrevious_KeepingTheSort()
    {
        var (experimentId, _) = await RunsSeed.NumberedExperimentAsync(ui.Http, 25);
        await using var p = await ui.OpenAsync($"/experiments/{experimentId}?size=10&order=" + Uri.EscapeDataString("metrics.`score` DESC"));
        var cells = p.Page.Locator("tbody td[data-column='metrics.score']");

        await Assertions.Expect(cells).ToHaveCountAsync(10);
        await Assertions.Expect(cells.First).ToHaveTextAsync("24");
        await p.Page.GetByTestId("next-page").ClickAsync();
        await Assertions.Expect(cells.First).ToHaveTextAsync("14");
        await Assertions.Expect(cells).ToHaveCountAsync(10);
        await p.Page.GetByTestId("next-page").ClickAsync();
        await Assertions.Expect(cells).ToHaveTextAsync(["4", "3", "2", "1", "0"]);
        await Assertions.Expect(p.Page.GetByTestId("next-page")).ToHaveCountAsync(0);
        await Assertions.Expect(p.Page.GetByText("Runs 21–25 of 25")).ToBeVisibleAsync();
        await p.Page.GetByTestId("previous-page").ClickAsync();
        await Assertions.Expect(cells.First).ToHaveTextAsync("14");
        await UiFixture.ScreenshotAsync(p.Page, "runs-experiment-paged");
        p.AssertNoProblems();
    }

    [Fact]
    public async Task CompareCheckboxes_SubmitTheChosenRuns_ToCompare()
    {
        var (experimentId, runIds) = await RunsSeed.NumberedExperimentAsync(ui.Http, 3);
        await using var p = await ui.OpenAsync($"/experiments/{experimentId}");

        await p.Page.Locator($"input[name=runs][value='{runIds[0]}']").CheckAsync();
        await p.Page.Locator($"input[name=runs][value='{runIds[2]}']").CheckAsync();
        await p.Page.GetByTestId("compare-button").ClickAsync();

        await p.Page.WaitForURLAsync("**/compare?**");
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(p.Page.Url).Query);
        Assert.Equal([runIds[2], runIds[0]], query.GetValues("runs") ?? []);
    }

    [Fact]
    public async Task ChosenColumns_ReplaceTheDefaults()
    {
        var (experimentId, _) = await RunsSeed.NumberedExperimentAsync(ui.Http, 2);
        await using var p = await ui.OpenAsync($"/experiments/{experimentId}?col=metrics.loss");

        await Assertions.Expect(p.Page.Locator("th[data-column='metrics.loss']")).ToBeVisibleAsync();
        await Assertions.Expect(p.Page.Locator("th[data-column='metrics.score']")).ToHaveCountAsync(0);
        await Assertions.Expect(p.Page.Locator("th[data-column='params.parity']")).ToHaveCountAsync(0);
        p.AssertNoProblems();
    }
}
