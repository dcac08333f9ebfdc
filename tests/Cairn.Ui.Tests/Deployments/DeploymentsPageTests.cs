using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Cairn.Server.Ui;

namespace Cairn.Ui.Tests.Deployments;

/// <summary>
/// The deployments list and the page of the demo's <c>weather</c> deployment (two rollouts: one promoted,
/// one rolled back), checked against what the APIs say; the live panel against real OIP traffic.
/// </summary>
[Collection(UiCollection.Name)]
public sealed partial class DeploymentsPageTests(UiFixture ui)
{
    private static readonly PageAssertionsToHaveURLOptions UrlWait = new() { Timeout = 15_000 };

    [Fact]
    public async Task DeploymentsList_ShowsWeather_WithVariantsWeightsAndLinks()
    {
        var deployment = (await UiSeed.GetJsonAsync(ui.Http, "/api/v1/deployments/weather")).GetProperty("deployment");
        await using var p = await ui.OpenAsync(Links.Deployments);
        Assert.Equal(200, p.Status);

        var row = p.Page.Locator("tr[data-deployment='weather']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator(".badge")).ToContainTextAsync(["ACTIVE"]);
        foreach (var variant in deployment.GetProperty("variants").EnumerateArray())
        {
            var name = variant.GetProperty("name").GetString()!;
            var model = variant.GetProperty("model").GetString()!;
            var version = variant.GetProperty("version").GetInt64().ToString(CultureInfo.InvariantCulture);
            await Assertions.Expect(row.Locator("td[data-field='variants']")).ToContainTextAsync($"{name} {variant.GetProperty("weight").GetInt32()} %");
            await Assertions.Expect(row.Locator($"a[href='{Links.ModelVersion(model, version)}']")).ToHaveTextAsync($"{model} v{version}");
        }

        // The latest rollout's outcome.
        var latest = (await UiSeed.GetJsonAsync(ui.Http, "/api/v1/deployments/weather/rollout")).GetProperty("rollout");
        await Assertions.Expect(row).ToContainTextAsync($"{latest.GetProperty("state").GetString()} {latest.GetProperty("model").GetString()} v{latest.GetProperty("version").GetInt64()}");
        await UiFixture.ScreenshotAsync(p.Page, "deployments-list");
        p.AssertNoProblems();

        await row.GetByTestId("deployment-link").ClickAsync();
        await Assertions.Expect(p.Page).ToHaveURLAsync(new Regex("/deployments/weather$"), UrlWait);
        await Assertions.Expect(p.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("weather");
    }

    [Fact]
    public async Task DeploymentPage_ShowsVariantsWeightsAndEveryRolloutDecisionWithItsReasonAndNumbers()
    {
        var deployment = (await UiSeed.GetJsonAsync(ui.Http, "/api/v1/deployments/weather")).GetProperty("deployment");
        var rollouts = (await UiSeed.GetJsonAsync(ui.Http, "/api/v1/rollouts?deployment=weather")).GetProperty("rollouts").EnumerateArray().ToList();
        var latest = (await UiSeed.GetJsonAsync(ui.Http, "/api/v1/deployments/weather/rollout")).GetProperty("rollout");
        Assert.True(rollouts.Count >= 2, $"the demo makes two rollouts, found {rollouts.Count}");

        await using var p = await ui.OpenAsync(Links.Deployment("weather"));
        Assert.Equal(200, p.Status);

        // Variants with weights, each linked to the model version it pins.
        var variants = p.Page.GetByTestId("variants-table");
        foreach (var variant in deployment.GetProperty("variants").EnumerateArray())
        {
            var rowOf = variants.Locator($"tr[data-variant='{variant.GetProperty("name").GetString()}']");
            await Assertions.Expect(rowOf.Locator("[data-field='weight']")).ToHaveTextAsync($"{variant.GetProperty("weight").GetInt32()} %");
            var version = variant.GetProperty("version").GetInt64().ToString(CultureInfo.InvariantCulture);
            await Assertions.Expect(rowOf.GetByTestId("model-version"))
                .ToHaveAttributeAsync("href", Links.ModelVersion(variant.GetProperty("model").GetString()!, version));
        }

        // Every rollout with its outcome, its last decision being the one that ended it.
        await Assertions.Expect(p.Page.GetByTestId("rollout")).ToHaveCountAsync(rollouts.Count);
        foreach (var rollout in rollouts)
        {
            var state = rollout.GetProperty("state").GetString()!;
            var article = p.Page.Locator($"[data-testid='rollout'][data-rollout='{rollout.GetProperty("id").GetInt64()}']");
            await Assertions.Expect(article).ToHaveAttributeAsync("data-state", state);
            var ending = state switch { "PROMOTED" => "promote", "ROLLED_BACK" => "rollback", "ABORTED" => "abort", _ => null };
            if (ending is not null)
            {
                await Assertions.Expect(article.Locator("table.decisions tbody tr").Last).ToHaveAttributeAsync("data-action", ending);
                await Assertions.Expect(article.Locator("table.decisions tbody tr").Last.Locator("[data-field='reason']")).Not.ToBeEmptyAsync();
            }
        }

        // Every decision of the latest rollout, with its reason, both arms' numbers, the statistic and p-value.
        var latestArticle = p.Page.Locator($"[data-testid='rollout'][data-rollout='{latest.GetProperty("id").GetInt64()}']");
        var decisions = latest.GetProperty("decisions").EnumerateArray().ToList();
        var rows = latestArticle.Locator("table.decisions tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(decisions.Count);
        for (var i = 0; i < decisions.Count; i++)
        {
            await Assertions.Expect(rows.Nth(i)).ToHaveAttributeAsync("data-action", decisions[i].GetProperty("action").GetString()!);
            await Assertions.Expect(rows.Nth(i).Locator("[data-field='reason']")).ToHaveTextAsync(decisions[i].GetProperty("reason").GetString()!);
        }

        var analysed = decisions.LastOrDefault(d => d.TryGetProperty("numbers", out var n) && n.ValueKind == System.Text.Json.JsonValueKind.Object
            && n.TryGetProperty("p_value", out var pv) && pv.ValueKind == System.Text.Json.JsonValueKind.Number);
        Assert.True(analysed.ValueKind != System.Text.Json.JsonValueKind.Undefined, "the latest rollout has an analysis with a p-value");
        var analysedRow = rows.Nth(decisions.IndexOf(analysed));
        var numbers = analysed.GetProperty("numbers");
        var candidate = numbers.GetProperty("candidate");
        await Assertions.Expect(analysedRow.Locator("[data-field='candidate']")).ToContainTextAsync($"{candidate.GetProperty("requests").GetInt64()} requests");
        await Assertions.Expect(analysedRow.Locator("[data-field='candidate']")).ToContainTextAsync($"(n={candidate.GetProperty("labelled").GetInt64()})");
        await Assertions.Expect(analysedRow.Locator("[data-field='champion']"))
            .ToContainTextAsync($"{numbers.GetProperty("champion").GetProperty("requests").GetInt64()} requests");
        await Assertions.Expect(analysedRow.Locator("[data-field='test']")).ToHaveTextAsync(
            $"{numbers.GetProperty("test").GetString()} statistic {Format.Number(numbers.GetProperty("statistic").GetDouble())}, p {Format.Number(numbers.GetProperty("p_value").GetDouble())}");
        await Assertions.Expect(latestArticle.Locator($"[data-chart='rollout-{latest.GetProperty("id").GetInt64()}'] .main-svg").First).ToBeVisibleAsync();

        // The events timeline holds every change; the weights chart is drawn.
        var events = (await UiSeed.GetJsonAsync(ui.Http, "/api/v1/deployments/weather/events")).GetProperty("events").GetArrayLength();
        await Assertions.Expect(p.Page.Locator("[data-testid='timeline'] > li")).ToHaveCountAsync(events);
        await Assertions.Expect(p.Page.Locator("[data-chart='weights'] .main-svg").First).ToBeVisibleAsync();

        // Monitoring: the reports of this deployment, each linked.
        await Assertions.Expect(p.Page.GetByTestId("monitoring-link")).ToHaveAttributeAsync("href", "/monitoring?deployment=weather");
        await Assertions.Expect(p.Page.GetByTestId("all-reports")).ToHaveAttributeAsync("href", "/monitoring?deployment=weather");
        var reports = (await UiSeed.GetJsonAsync(ui.Http, "/api/v1/deployments/weather/monitor/reports?max_results=5")).GetProperty("reports").EnumerateArray().ToList();
        Assert.NotEmpty(reports);
        await Assertions.Expect(p.Page.GetByTestId("report-link")).ToHaveCountAsync(reports.Count);
        await Assertions.Expect(p.Page.GetByTestId("report-link").First).ToHaveAttributeAsync("href", Links.MonitorReport(reports[0].GetProperty("id").GetInt64()));

        await UiFixture.ScreenshotAsync(p.Page, "deployments-weather");
        p.AssertNoProblems();
    }

    [Fact]
    public async Task UnknownDeployment_AnswersNotFound()
    {
        await using var p = await ui.OpenAsync("/deployments/no-such-deployment");
        Assert.Equal(404, p.Status);
        await Assertions.Expect(p.Page.GetByTestId("not-found")).ToContainTextAsync("no-such-deployment");

        await using var bad = await ui.OpenAsync("/deployments/" + Uri.EscapeDataString("bad name!"));
        Assert.Equal(404, bad.Status);
        await Assertions.Expect(bad.Page.GetByTestId("not-found")).ToBeVisibleAsync();
    }
}
