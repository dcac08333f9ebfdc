using System.Text.Json;
using Cairn.Testing;

namespace Cairn.Ui.Tests;

/// <summary>
/// Content that would run script if a page failed to escape it: an experiment, a run (name, params,
/// tags, metric) and a registered model whose names and values are HTML. Tests check that each page
/// shows the text as written and that <c>window.__xss</c> stays undefined.
/// </summary>
public sealed record UiSeed(string HostileExperimentId, string HostileRunId, string HostileModelName)
{
    /// <summary>Would set window.__xss if rendered as HTML.</summary>
    public const string Hostile = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=1</script>";

    /// <summary>True when no hostile markup ran on the page.</summary>
    public static async Task<bool> IsCleanAsync(IPage page) => await page.EvaluateAsync<bool>("() => window.__xss === undefined");

    public static async Task<UiSeed> CreateAsync(HttpClient http)
    {
        var experiment = await http.PostOkAsync("experiments/create", new { name = "xss " + Hostile });
        var experimentId = experiment.GetProperty("experiment_id").GetString()!;
        var run = await http.PostOkAsync("runs/create", new
        {
            experiment_id = experimentId,
            run_name = "run " + Hostile,
            start_time = 1_700_000_000_000,
            tags = new[] { new { key = "note", value = Hostile } },
        });
        var runId = run.GetProperty("run").GetProperty("info").GetProperty("run_id").GetString()!;
        await http.PostOkAsync("runs/log-batch", new
        {
            run_id = runId,
            @params = new[] { new { key = "hostile_param", value = Hostile } },
            metrics = new[]
            {
                new { key = "hostile_metric", value = 0.5, timestamp = 1_700_000_000_000, step = 0 },
                new { key = "hostile_metric", value = 0.7, timestamp = 1_700_000_001_000, step = 1 },
            },
        });
        await http.PostOkAsync("runs/update", new { run_id = runId, status = "FINISHED", end_time = 1_700_000_002_000 });

        const string modelName = "hostile <script>window.__xss=1</script>";
        await http.PostOkAsync("registered-models/create", new { name = modelName, description = Hostile });
        await http.PostOkAsync("model-versions/create", new { name = modelName, source = $"runs:/{runId}/model", run_id = runId, description = Hostile });
        return new UiSeed(experimentId, runId, modelName);
    }

    /// <summary>Reads a JSON document from the server's native API (for tests that look up ids).</summary>
    public static async Task<JsonElement> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
