using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cairn.Server.Ui;
using Cairn.Testing;

namespace Cairn.Ui.Tests.Datasets;

/// <summary>/datasets, /datasets/{name} and a version's page (schema, profile charts, validation, lineage) over the demo's weather data.</summary>
[Collection(UiCollection.Name)]
public sealed class DatasetPagesTests(UiFixture ui)
{
    private async Task<IReadOnlyList<string>> WeatherVersionsAsync()
    {
        var versions = await UiSeed.GetJsonAsync(ui.Http, "/api/v1/datasets/weather/versions");
        return [.. versions.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetString()!)];
    }

    [Fact]
    public async Task DatasetsList_ShowsTheDemosDataset_AndLeadsToIt()
    {
        var versions = await WeatherVersionsAsync();
        await using var p = await ui.OpenAsync(Links.Datasets);

        Assert.Equal(200, p.Status);
        var row = p.Page.Locator("[data-testid=datasets] tbody tr").Filter(new() { Has = p.Page.GetByRole(AriaRole.Link, new() { Name = "weather", Exact = true }) });
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(versions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(row.Locator("td").Nth(2).Locator("a")).ToHaveAttributeAsync("href", Links.DatasetVersion("weather", versions[0]));
        await UiFixture.ScreenshotAsync(p.Page, "datasets-list");
        p.AssertNoProblems();

        await row.GetByRole(AriaRole.Link, new() { Name = "weather", Exact = true }).ClickAsync();
        await Assertions.Expect(p.Page).ToHaveURLAsync(new Regex("/datasets/weather$"));
        await Assertions.Expect(p.Page.Locator("h1")).ToHaveTextAsync("weather");
    }

    [Fact]
    public async Task Dataset_ListsItsVersions_WithARowsChart_AndLinksEachVersion()
    {
        var versions = await WeatherVersionsAsync();
        await using var p = await ui.OpenAsync(Links.Dataset("weather"));

        Assert.Equal(200, p.Status);
        var rows = p.Page.Locator("[data-testid=dataset-versions] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(versions.Count);
        await Assertions.Expect(rows.First.Locator("a").First).ToHaveAttributeAsync("title", versions[0]);
        await Assertions.Expect(p.Page.Locator("[data-chart='dataset-rows'] .main-svg").First).ToBeVisibleAsync();
        await UiFixture.ScreenshotAsync(p.Page, "datasets-dataset");
        p.AssertNoProblems();

        await rows.Last.Locator("a").First.ClickAsync();
        await Assertions.Expect(p.Page).ToHaveURLAsync(new Regex(Regex.Escape(Links.DatasetVersion("weather", versions[^1])) + "$"));
        await Assertions.Expect(p.Page.GetByTestId("version-hash")).ToContainTextAsync(versions[^1]);
    }

    [Fact]
    public async Task DatasetVersion_ShowsSchema_ProfileCharts_Validation_AndLineage()
    {
        var version = (await WeatherVersionsAsync())[0];
        var pipelineRuns = await PipelineRunsReadingAsync(version);
        // A short hash prefix resolves like the API's references do.
        await using var p = await ui.OpenAsync(Links.DatasetVersion("weather", version[..10]));

        Assert.Equal(200, p.Status);
        await Assertions.Expect(p.Page.Locator("[data-testid=schema] tbody tr")).ToHaveCountAsync(6);
        await Assertions.Expect(p.Page.GetByTestId("column-profile")).ToHaveCountAsync(6);
        var precipitation = p.Page.Locator("[data-testid=column-profile][data-column='precipitation']");
        await Assertions.Expect(precipitation.Locator("[data-chart='profile-histogram'] .main-svg").First).ToBeVisibleAsync();
        await Assertions.Expect(precipitation.Locator("[data-chart='profile-histogram'] .barlayer .point")).Not.ToHaveCountAsync(0);
        var weather = p.Page.Locator("[data-testid=column-profile][data-column='weather']");
        await Assertions.Expect(weather.Locator("[data-chart='profile-categories'] .main-svg").First).ToBeVisibleAsync();
        await Assertions.Expect(weather.Locator("[data-chart='profile-categories']").GetByText("sun", new() { Exact = true })).ToBeVisibleAsync();

        var validation = p.Page.GetByTestId("validation").First;
        await Assertions.Expect(validation.Locator(".badge")).ToHaveTextAsync("PASS");
        await Assertions.Expect(validation.Locator("a")).ToHaveAttributeAsync("href", new Regex("^/pipelines/runs/[0-9a-f]{32}$"));

        var lineage = p.Page.Locator("[data-testid=dataset-lineage] tbody tr");
        await Assertions.Expect(lineage).ToHaveCountAsync(pipelineRuns.Count);
        foreach (var (runId, trackingRunId) in pipelineRuns)
        {
            var row = lineage.Filter(new() { Has = p.Page.Locator($"a[href='{Links.PipelineRun(runId)}']") });
            await Assertions.Expect(row.Locator("td").Nth(3)).ToContainTextAsync("ingest");
            await Assertions.Expect(row.Locator($"a[href='{Links.Run(trackingRunId)}']")).ToBeVisibleAsync();
        }

        await UiFixture.ScreenshotAsync(p.Page, "datasets-version");
        p.AssertNoProblems();
    }

    [Fact]
    public async Task DatasetVersion_WithHostileColumnsAndValues_ShowsThemAsText()
    {
        // A column named and valued with markup: the schema, the profile panel and the category bars must show it literally.
        var quoted = "\"" + UiSeed.Hostile.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var csv = new StringBuilder($"x,{quoted}\n");
        for (var i = 0; i < 30; i++)
        {
            csv.Append(i).Append(',').Append(i % 3 == 0 ? quoted : "plain").Append('\n');
        }

        using var response = await ui.Http.PostAsync("/api/v1/datasets/hostile-data/versions?format=csv", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var version = body.RootElement.GetProperty("version").GetProperty("version").GetString()!;

        await using var p = await ui.OpenAsync(Links.DatasetVersion("hostile-data", version));

        Assert.Equal(200, p.Status);
        await Assertions.Expect(p.Page.Locator("[data-testid=schema] tbody tr").Nth(1).Locator("td").First).ToHaveTextAsync(UiSeed.Hostile);
        await Assertions.Expect(p.Page.Locator("[data-testid=column-profile] h3 .mono").Nth(1)).ToHaveTextAsync(UiSeed.Hostile);
        await Assertions.Expect(p.Page.Locator("[data-chart='profile-categories'] .main-svg").First).ToBeVisibleAsync();
        await UiFixture.ScreenshotAsync(p.Page, "datasets-hostile");
        Assert.True(await UiSeed.IsCleanAsync(p.Page));
        p.AssertNoProblems();
    }

    [Theory]
    [InlineData("/datasets/no-such-data", "Dataset 'no-such-data' does not exist")]
    [InlineData("/datasets/weather/versions/ffffffffffff", "Version 'ffffffffffff' of dataset 'weather' does not exist")]
    public async Task UnknownDatasetOrVersion_Answers404_AndSaysWhat(string path, string message)
    {
        await using var p = await ui.OpenAsync(path);

        Assert.Equal(404, p.Status);
        await Assertions.Expect(p.Page.GetByTestId("not-found")).ToContainTextAsync(message);
        await Assertions.Expect(p.Page.Locator(".sidebar")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task DatasetsList_WithABadPageToken_Answers400_WithTheMessage()
    {
        await using var p = await ui.OpenAsync(Links.DatasetsPage("not a token"));

        Assert.Equal(400, p.Status);
        await Assertions.Expect(p.Page.GetByTestId("datasets-error")).ToContainTextAsync("Invalid page token");
    }

    /// <summary>The demo's pipeline runs whose steps read or produced <paramref name="version"/>, with their tracked runs, from the pipelines API.</summary>
    private async Task<IReadOnlyList<(string RunId, string TrackingRunId)>> PipelineRunsReadingAsync(string version)
    {
        var found = new List<(string, string)>();
        foreach (var pipeline in new[] { "weather-champion", "weather-retrain" })
        {
            var runs = await UiSeed.GetJsonAsync(ui.Http, $"/api/v1/pipelines/{pipeline}/runs");
            foreach (var run in runs.GetProperty("runs").EnumerateArray())
            {
                var runId = run.GetProperty("run_id").GetString()!;
                var details = await UiSeed.GetJsonAsync(ui.Http, $"/api/v1/pipelines/runs/{runId}");
                if (details.GetRawText().Contains(version, StringComparison.Ordinal) && run.TryGetProperty("tracking_run_id", out var tracking))
                {
                    found.Add((runId, tracking.GetString()!));
                }
            }
        }

        Assert.NotEmpty(found);
        return found;
    }
}
