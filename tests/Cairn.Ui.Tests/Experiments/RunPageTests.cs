using Cairn.Testing;

namespace Cairn.Ui.Tests.Experiments;

/// <summary>/runs/{id}: metrics with history charts, params, tags, lineage links, artifacts with preview and download.</summary>
[Collection(UiCollection.Name)]
public sealed class RunPageTests(UiFixture ui)
{
    [Fact]
    public async Task HostileRun_IsShownAsText_WithItsMetricHistoryCharted()
    {
        await using var p = await ui.OpenAsync($"/runs/{ui.Seed.HostileRunId}");

        Assert.Equal(200, p.Status);
        await Assertions.Expect(p.Page.GetByTestId("run-name")).ToHaveTextAsync("run " + UiSeed.Hostile);
        await Assertions.Expect(p.Page.Locator("[data-chart='metric-history-hostile_metric'] .main-svg").First).ToBeVisibleAsync();
        await Assertions.Expect(p.Page.Locator("table[data-testid=params] tr[data-param='hostile_param'] td")).ToHaveTextAsync(UiSeed.Hostile);
        await Assertions.Expect(p.Page.Locator("table[data-testid=tags] tr[data-tag='note'] td")).ToHaveTextAsync(UiSeed.Hostile);
        await Assertions.Expect(p.Page.Locator("table[data-testid=metrics] tr[data-metric='hostile_metric'] td").Nth(1)).ToHaveTextAsync("0.7");
        await Assertions.Expect(p.Page.Locator("table[data-testid=model-versions]").GetByRole(AriaRole.Link, new() { Name = "v1" }))
            .ToHaveAttributeAsync("href", $"/models/{Uri.EscapeDataString(ui.Seed.HostileModelName)}/versions/1");
        await Assertions.Expect(p.Page.GetByRole(AriaRole.Link, new() { Name = "xss " + UiSeed.Hostile }).First)
            .ToHaveAttributeAsync("href", $"/experiments/{ui.Seed.HostileExperimentId}");
        Assert.True(await UiSeed.IsCleanAsync(p.Page));
        await UiFixture.ScreenshotAsync(p.Page, "runs-run-hostile");
        p.AssertNoProblems();
    }

    [Fact]
    public async Task PipelineRun_LinksItsLineage_AndPreviewsAndDownloadsItsArtifacts()
    {
        var champion = await RunsSeed.ChampionRunAsync(ui.Http);
        var runId = champion.GetProperty("info").GetProperty("run_id").GetString()!;
        var pipelineRunId = RunsSeed.Tag(champion, "cairn.pipeline_run");
        var versions = await ui.Http.GetOkAsync("model-versions/search?filter=" + Uri.EscapeDataString($"run_id = '{runId}'"));
        var version = versions.GetProperty("model_versions")[0];
        var source = champion.GetProperty("inputs").GetProperty("dataset_inputs")[0].GetProperty("dataset").GetProperty("source").GetString()!;
        var (dataset, dataVersion) = (source["cairn-dataset:".Length..source.LastIndexOf('@')], source[(source.LastIndexOf('@') + 1)..]);
        await using var p = await ui.OpenAsync($"/runs/{runId}");

        Assert.Equal(200, p.Status);
        await Assertions.Expect(p.Page.GetByTestId("lineage-pipeline-run")).ToHaveAttributeAsync("href", $"/pipelines/runs/{pipelineRunId}");
        await Assertions.Expect(p.Page.GetByTestId("lineage-pipeline")).ToHaveAttributeAsync("href", "/pipelines/weather-champion");
        await Assertions.Expect(p.Page.GetByTestId("model-version-link").First).ToHaveAttributeAsync(
            "href", $"/models/{Uri.EscapeDataString(version.GetProperty("name").GetString()!)}/versions/{version.GetProperty("version").GetString()}");
        await Assertions.Expect(p.Page.Locator("table[data-testid=dataset-inputs] a").First).ToHaveAttributeAsync("href", $"/datasets/{dataset}/versions/{dataVersion}");
        await Assertions.Expect(p.Page.Locator("table[data-testid=params] tr[data-param='trainer'] td")).Not.ToBeEmptyAsync();
        await Assertions.Expect(p.Page.GetByTestId("run-experiment")).ToHaveAttributeAsync("href", $"/experiments/{champion.GetProperty("info").GetProperty("experiment_id").GetString()}");

        // The pipeline's definition is one of the run's artifacts: preview it, then download it.
        var spec = p.Page.Locator("[data-testid=artifact-tree] li[data-artifact='pipeline.yaml']");
        await spec.GetByTestId("artifact-preview-link").ClickAsync();
        await p.Page.WaitForURLAsync("**artifact=pipeline.yaml**");
        await Assertions.Expect(p.Page.GetByTestId("text-preview")).ToContainTextAsync("weather-champion");
        await UiFixture.ScreenshotAsync(p.Page, "runs-run-pipeline");
        p.AssertNoProblems();

        var href = await p.Page.Locator("[data-testid=artifact-tree] li[data-artifact='pipeline.yaml'] [data-testid=artifact-download]").GetAttributeAsync("href");
        using var download = await ui.Http.GetAsync(href);
        Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
        Assert.Equal((await p.Page.GetByTestId("text-preview").InnerTextAsync()).TrimEnd(), (await download.Content.ReadAsStringAsync()).TrimEnd(), ignoreLineEndingDifferences: true);
    }

    [Fact]
    public async Task ArtifactsOfEachKind_ArePreviewed_AndHostileFileContentStaysText()
    {
        var (_, runIds) = await RunsSeed.NumberedExperimentAsync(ui.Http, 1);
        var run = await ui.Http.GetOkAsync($"runs/get?run_id={runIds[0]}");
        var root = run.GetProperty("run").GetProperty("info").GetProperty("artifact_uri").GetString()!["mlflow-artifacts:/".Length..];
        await PutAsync($"{root}/data/head.csv", "city,temp\n\"Seattle, WA\",12.5\n" + UiSeed.Hostile.Replace(",", "", StringComparison.Ordinal) + ",1\n");
        await PutAsync($"{root}/report.json", "{\"ok\":true,\"note\":\"" + UiSeed.Hostile.Replace("\"", "'", StringComparison.Ordinal) + "\"}");
        await PutAsync($"{root}/notes.html", UiSeed.Hostile);

        await using var csv = await ui.OpenAsync($"/runs/{runIds[0]}?artifact=data/head.csv");
        await Assertions.Expect(csv.Page.Locator("table[data-testid=csv-preview] th")).ToHaveTextAsync(["city", "temp"]);
        await Assertions.Expect(csv.Page.Locator("table[data-testid=csv-preview] tbody tr").First.Locator("td")).ToHaveTextAsync(["Seattle, WA", "12.5"]);
        await Assertions.Expect(csv.Page.Locator("[data-testid=artifact-tree] li[data-artifact='data']")).ToBeVisibleAsync();
        await Assertions.Expect(csv.Page.Locator("[data-chart='metric-history-loss'] .main-svg").First).ToBeVisibleAsync();
        Assert.True(await UiSeed.IsCleanAsync(csv.Page));
        await UiFixture.ScreenshotAsync(csv.Page, "runs-run-artifacts");
        csv.AssertNoProblems();

        await using var json = await ui.OpenAsync($"/runs/{runIds[0]}?artifact=report.json");
        await Assertions.Expect(json.Page.GetByTestId("text-preview")).ToContainTextAsync("\"ok\": true");

        await using var html = await ui.OpenAsync($"/runs/{runIds[0]}?artifact=notes.html");
        await Assertions.Expect(html.Page.GetByTestId("text-preview")).ToHaveTextAsync(UiSeed.Hostile);
        Assert.True(await UiSeed.IsCleanAsync(html.Page));

        await using var missing = await ui.OpenAsync($"/runs/{runIds[0]}?artifact=nope.txt");
        await Assertions.Expect(missing.Page.GetByTestId("artifact-error")).ToContainTextAsync("nope.txt");

        await using var traversal = await ui.OpenAsync($"/runs/{runIds[0]}?artifact=" + Uri.EscapeDataString("../../secret.txt"));
        Assert.Equal(400, traversal.Status);
        await Assertions.Expect(traversal.Page.GetByTestId("artifact-error")).ToContainTextAsync("artifact");
    }

    [Fact]
    public async Task UnknownOrMalformedRun_IsNotFound()
    {
        await using var unknown = await ui.OpenAsync("/runs/0123456789abcdef0123456789abcdef");
        Assert.Equal(404, unknown.Status);
        await Assertions.Expect(unknown.Page.GetByTestId("not-found")).ToContainTextAsync("Run 0123456789abcdef0123456789abcdef");

        await using var malformed = await ui.OpenAsync("/runs/" + Uri.EscapeDataString("<b>x</b>"));
        Assert.Equal(404, malformed.Status);
        Assert.True(await UiSeed.IsCleanAsync(malformed.Page));
    }

    [Fact]
    public async Task ArtifactDownload_RefusesBadRequests_WithoutA500()
    {
        var runId = ui.Seed.HostileRunId;
        (string Query, System.Net.HttpStatusCode Status)[] cases =
        [
            ("path=a.txt", System.Net.HttpStatusCode.BadRequest),
            ($"run_id={runId}", System.Net.HttpStatusCode.BadRequest),
            ($"run_id={runId}&path=" + Uri.EscapeDataString("../../secret.txt"), System.Net.HttpStatusCode.BadRequest),
            ("run_id=0123456789abcdef0123456789abcdef&path=a.txt", System.Net.HttpStatusCode.NotFound),
            ($"run_id={runId}&path=missing.txt", System.Net.HttpStatusCode.NotFound),
        ];
        foreach (var (query, status) in cases)
        {
            using var response = await ui.Http.GetAsync("/get-artifact?" + query);
            Assert.True(status == response.StatusCode, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private async Task PutAsync(string storePath, string content)
    {
        using var body = new StringContent(content);
        using var response = await ui.Http.PutAsync("/api/2.0/mlflow-artifacts/artifacts/" + storePath, body);
        response.EnsureSuccessStatusCode();
    }
}
