using System.Text.Json;
using System.Text.RegularExpressions;
using Cairn.Testing;

namespace Cairn.Ui.Tests.Pipelines;

/// <summary>A pipeline run's page: the DAG (server-side layered layout as SVG), step states, links, logs, escaping.</summary>
[Collection(UiCollection.Name)]
public sealed class PipelineRunPageTests(UiFixture ui)
{
    [Fact]
    public async Task RunPage_DrawsTheDag_OneNodePerStep_WithEdgesAndStates()
    {
        var drift = await PipelinesData.DriftRunAsync(ui);
        var runId = PipelinesData.RunId(drift);
        var steps = drift.GetProperty("step_order").EnumerateArray().Select(s => s.GetString()!).ToList();
        await using var p = await ui.OpenAsync($"/pipelines/runs/{runId}");
        Assert.Equal(200, p.Status);

        var dag = p.Page.GetByTestId("dag");
        await Assertions.Expect(dag).ToBeVisibleAsync();
        await Assertions.Expect(dag.Locator("g.dag-node")).ToHaveCountAsync(steps.Count);
        foreach (var step in steps)
        {
            await Assertions.Expect(dag.Locator($"g.dag-node[data-step='{step}'][data-state='succeeded']")).ToBeVisibleAsync();
        }

        // The demo's retraining chain: each step's need is an arrow.
        foreach (var (from, to) in new[] { ("ingest", "validate"), ("validate", "split"), ("split", "train"), ("train", "evaluate"), ("evaluate", "register"), ("register", "rollout") })
        {
            await Assertions.Expect(dag.Locator($"path.dag-edge[data-from='{from}'][data-to='{to}']")).ToHaveCountAsync(1);
        }

        // Layered left to right: every step sits right of the steps it needs.
        var ingest = await dag.Locator("g.dag-node[data-step='ingest']").BoundingBoxAsync();
        var rollout = await dag.Locator("g.dag-node[data-step='rollout']").BoundingBoxAsync();
        Assert.True(rollout!.X > ingest!.X + ingest.Width, "rollout is not right of ingest");

        await Assertions.Expect(p.Page.GetByTestId("trigger")).ToContainTextAsync("drift: deployment weather report");
        await Assertions.Expect(p.Page.GetByTestId("params")).ToContainTextAsync("rollout_min_samples");
        await Assertions.Expect(p.Page.GetByTestId("steps").Locator("tbody tr")).ToHaveCountAsync(steps.Count);
        await Assertions.Expect(p.Page.Locator(".dag-legend li")).ToHaveTextAsync(["succeeded", "cached", "running", "failed", "skipped", "pending"]);

        // The logs are on the page.
        var ingestSection = p.Page.Locator("section[data-step='ingest']");
        await Assertions.Expect(ingestSection.GetByTestId("step-log")).ToContainTextAsync("imported data/weather.csv as weather@");

        await UiFixture.ScreenshotAsync(p.Page, "pipelines-run");
        // A node leads to its step's section.
        await dag.Locator("g.dag-node[data-step='train']").ClickAsync();
        await Assertions.Expect(p.Page).ToHaveURLAsync(new Regex($"/pipelines/runs/{runId}#step-train$"));
        await Assertions.Expect(p.Page.Locator("section#step-train")).ToBeInViewportAsync();
        p.AssertNoProblems();
    }

    [Fact]
    public async Task RunPage_LinksInputsAndOutputs_WhereTheySay()
    {
        var drift = await PipelinesData.DriftRunAsync(ui);
        var runId = PipelinesData.RunId(drift);
        var trackingRunId = drift.GetProperty("run").GetProperty("tracking_run_id").GetString()!;
        var executions = drift.GetProperty("executions").EnumerateArray().ToDictionary(e => e.GetProperty("step_id").GetString()!);
        await using var p = await ui.OpenAsync($"/pipelines/runs/{runId}");

        // The dataset the run imported → its dataset version; the split files → the same version.
        var dataset = Properties(executions["ingest"], "outputs", "dataset");
        var datasetHref = $"/datasets/weather/versions/{dataset.GetProperty("version").GetString()}";
        await Assertions.Expect(p.Page.Locator("section[data-step='ingest']").GetByTestId("outputs").Locator("a")).ToHaveAttributeAsync("href", datasetHref);
        await Assertions.Expect(p.Page.Locator("section[data-step='split']").GetByTestId("outputs").Locator("a")).ToHaveCountAsync(2);
        foreach (var link in await p.Page.Locator("section[data-step='split']").GetByTestId("outputs").Locator("a").AllAsync())
        {
            Assert.Equal(datasetHref, await link.GetAttributeAsync("href"));
        }

        var datasetVersion = await UiSeed.GetJsonAsync(ui.Http, "api/v1" + datasetHref);
        Assert.Equal(943, datasetVersion.GetProperty("row_count").GetInt32());

        // The registered model version → the registry page of exactly that version, which exists.
        var registered = Properties(executions["register"], "outputs", "model_version");
        var (model, version) = (registered.GetProperty("name").GetString()!, registered.GetProperty("version").GetString()!);
        await Assertions.Expect(p.Page.Locator("section[data-step='register']").GetByTestId("outputs").Locator("a"))
            .ToHaveAttributeAsync("href", $"/models/{model}/versions/{version}");
        var mv = await ui.Http.GetOkAsync($"model-versions/get?name={model}&version={version}");
        Assert.Equal(version, mv.GetProperty("model_version").GetProperty("version").GetString());

        // The rollout → its deployment.
        await Assertions.Expect(p.Page.Locator("section[data-step='rollout']").GetByTestId("outputs").Locator("a")).ToHaveAttributeAsync("href", "/deployments/weather");

        // The tracked run → the run page of the MLflow run that exists.
        await Assertions.Expect(p.Page.GetByTestId("tracking-run")).ToHaveAttributeAsync("href", $"/runs/{trackingRunId}");
        var tracked = await ui.Http.GetOkAsync($"runs/get?run_id={trackingRunId}");
        Assert.Equal(runId, tracked.GetProperty("run").GetProperty("data").GetProperty("tags").EnumerateArray()
            .Single(t => t.GetProperty("key").GetString() == "cairn.pipeline_run").GetProperty("value").GetString());

        // The validation report → the download of its copy in the tracked run (the runs area serves
        // /get-artifact); the copy is there, under <step>/<slot>/<file>.
        var report = p.Page.Locator("section[data-step='validate']").GetByTestId("outputs").GetByRole(AriaRole.Link, new() { Name = "validation.json" });
        await Assertions.Expect(report).ToHaveAttributeAsync("href", $"/get-artifact?run_id={trackingRunId}&path=validate%2Freport%2Fvalidation.json");
        var files = await ui.Http.GetOkAsync($"artifacts/list?run_id={trackingRunId}&path=validate/report");
        Assert.Contains(files.GetProperty("files").EnumerateArray(), f => f.GetProperty("path").GetString() == "validate/report/validation.json");
        p.AssertNoProblems();
    }

    [Fact]
    public async Task RunPage_ShowsCachedSteps_LinkedToTheRunTheyReused()
    {
        var cached = await PipelinesData.CachedRunAsync(ui);
        var drift = await PipelinesData.DriftRunAsync(ui);
        await using var p = await ui.OpenAsync($"/pipelines/runs/{PipelinesData.RunId(cached)}");
        Assert.Equal(200, p.Status);

        var dag = p.Page.GetByTestId("dag");
        await Assertions.Expect(dag.Locator("g.dag-node[data-state='cached']")).ToHaveCountAsync(3);
        await Assertions.Expect(dag.Locator("g.dag-node[data-step='train'][data-state='succeeded']")).ToBeVisibleAsync();
        var ingest = p.Page.GetByTestId("steps").Locator("tr[data-step='ingest']");
        await Assertions.Expect(ingest.Locator("[data-status='cached']")).ToBeVisibleAsync();
        var from = ingest.GetByTestId("cached-from");
        await Assertions.Expect(from).ToHaveAttributeAsync("href", $"/pipelines/runs/{PipelinesData.RunId(drift)}#step-ingest");

        await UiFixture.ScreenshotAsync(p.Page, "pipelines-run-cached");
        await from.ClickAsync();
        await Assertions.Expect(p.Page).ToHaveURLAsync(new Regex($"/pipelines/runs/{PipelinesData.RunId(drift)}#step-ingest$"));
        await Assertions.Expect(p.Page.GetByTestId("trigger")).ToContainTextAsync("drift");
        p.AssertNoProblems();
    }

    [Fact]
    public async Task FailedRun_ShowsFailedSkippedAndSucceededSteps_AndItsMarkupAsText()
    {
        var runId = await PipelinesData.HostileRunAsync(ui);
        await using var p = await ui.OpenAsync($"/pipelines/runs/{runId}");
        Assert.Equal(200, p.Status);

        var dag = p.Page.GetByTestId("dag");
        await Assertions.Expect(dag.Locator("g.dag-node[data-step='shout'][data-state='failed']")).ToBeVisibleAsync();
        await Assertions.Expect(dag.Locator("g.dag-node[data-step='after'][data-state='skipped']")).ToBeVisibleAsync();
        await Assertions.Expect(dag.Locator("g.dag-node[data-step='side'][data-state='succeeded']")).ToBeVisibleAsync();
        await Assertions.Expect(dag.Locator("path.dag-edge")).ToHaveCountAsync(1);
        await Assertions.Expect(p.Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).Locator("[data-status='FAILED']")).ToBeVisibleAsync();

        // The hostile param value and the log that printed it are shown literally, and nothing ran.
        await Assertions.Expect(p.Page.GetByTestId("params")).ToContainTextAsync(UiSeed.Hostile);
        await Assertions.Expect(p.Page.Locator("section[data-step='shout']").GetByTestId("step-log").First).ToContainTextAsync(UiSeed.Hostile);
        await Assertions.Expect(p.Page.GetByTestId("steps").Locator("tr[data-step='after']")).ToContainTextAsync("not run: step 'shout' failed");
        Assert.True(await UiSeed.IsCleanAsync(p.Page));
        Assert.Equal(0, await p.Page.Locator("main img, main script").CountAsync());

        await UiFixture.ScreenshotAsync(p.Page, "pipelines-run-failed");
        p.AssertNoProblems();
    }

    [Fact]
    public async Task UnknownRun_IsNotFound()
    {
        using var response = await ui.Http.GetAsync("pipelines/runs/0123456789abcdef");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    private static JsonElement Properties(JsonElement execution, string side, string type)
    {
        var artifact = execution.GetProperty(side).EnumerateArray().Select(s => s.GetProperty("artifact")).First(a => a.GetProperty("type").GetString() == type);
        return JsonDocument.Parse(artifact.GetProperty("properties_json").GetString()!).RootElement.Clone();
    }
}
