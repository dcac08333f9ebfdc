using System.Text.Json;
using Cairn.Testing;

namespace Cairn.Ui.Tests.Experiments;

/// <summary>Looks up the demo's tracked runs and makes small experiments of numbered runs through the MLflow API.</summary>
internal static class RunsSeed
{
    /// <summary>An experiment with <paramref name="count"/> finished runs: run-00.., metric <c>score</c> = i, <c>loss</c> over 3 steps, param <c>parity</c>.</summary>
    public static async Task<(string ExperimentId, IReadOnlyList<string> RunIds)> NumberedExperimentAsync(HttpClient http, int count)
    {
        var experiment = await http.PostOkAsync("experiments/create", new { name = "numbered-" + Guid.NewGuid().ToString("N")[..8] });
        var experimentId = experiment.GetProperty("experiment_id").GetString()!;
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var run = await http.PostOkAsync("runs/create", new { experiment_id = experimentId, run_name = $"run-{i:00}", start_time = 1_700_000_000_000L + (i * 1000L) });
            var runId = run.GetProperty("run").GetProperty("info").GetProperty("run_id").GetString()!;
            await http.PostOkAsync("runs/log-batch", new
            {
                run_id = runId,
                @params = new[] { new { key = "parity", value = i % 2 == 0 ? "even" : "odd" } },
                metrics = new[]
                {
                    new { key = "score", value = (double)i, timestamp = 1_700_000_000_000L, step = 0L },
                    new { key = "loss", value = 1.0, timestamp = 1_700_000_000_000L, step = 0L },
                    new { key = "loss", value = 0.5, timestamp = 1_700_000_001_000L, step = 1L },
                    new { key = "loss", value = 0.25 / (i + 1), timestamp = 1_700_000_002_000L, step = 2L },
                },
            });
            await http.PostOkAsync("runs/update", new { run_id = runId, status = "FINISHED", end_time = 1_700_000_000_500L + (i * 1000L) });
            ids.Add(runId);
        }

        return (experimentId, ids);
    }

    public static async Task<string> ExperimentIdAsync(HttpClient http, string name) =>
        (await http.GetOkAsync("experiments/get-by-name?experiment_name=" + Uri.EscapeDataString(name))).GetProperty("experiment").GetProperty("experiment_id").GetString()!;

    /// <summary>The first tracked run of the demo's <c>weather-champion</c> pipeline (it trained and registered the champion).</summary>
    public static async Task<JsonElement> ChampionRunAsync(HttpClient http)
    {
        var experimentId = await ExperimentIdAsync(http, "pipeline:weather-champion");
        var runs = await http.PostOkAsync("runs/search", new { experiment_ids = new[] { experimentId }, order_by = new[] { "start_time ASC" }, max_results = 1 });
        return runs.GetProperty("runs")[0];
    }

    public static string Tag(JsonElement run, string key) =>
        run.GetProperty("data").GetProperty("tags").EnumerateArray().First(t => t.GetProperty("key").GetString() == key).GetProperty("value").GetString()!;
}
