using System.Net.Http.Json;
using System.Text.Json;

namespace Cairn.Ui.Tests.Pipelines;

/// <summary>
/// What the pipelines tests look at: the demo's runs (through the native API) and one extra run whose
/// params and log carry <see cref="UiSeed.Hostile"/> markup, whose first step fails (so the DAG shows a
/// failed, a skipped and a succeeded step). The hostile run is submitted once per fixture.
/// </summary>
internal static class PipelinesData
{
    public const string HostilePipeline = "ui-hostile";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (UiFixture Fixture, string RunId)? _hostile;

    /// <summary>The spec: <c>shout</c> prints the note and exits 3, <c>after</c> needs it, <c>side</c> is independent.</summary>
    public const string HostileSpec = """
        name: ui-hostile
        description: a pipeline whose params and log carry markup
        params:
          note: 'unused'
        steps:
          shout:
            uses: exec
            with:
              command: [sh, -c, 'printf "%s\n" "$NOTE"; exit 3']
              env: { NOTE: "${params.note}" }
          after:
            uses: noop
            needs: [shout]
          side:
            uses: noop
        """;

    public static async Task<string> HostileRunAsync(UiFixture ui)
    {
        await Gate.WaitAsync();
        try
        {
            if (_hostile is { } done && done.Fixture == ui)
            {
                return done.RunId;
            }

            using var response = await ui.Http.PostAsJsonAsync("api/v1/pipelines/runs", new
            {
                spec = HostileSpec,
                file_name = "ui-hostile.yaml",
                @params = new Dictionary<string, string> { ["note"] = UiSeed.Hostile },
            });
            response.EnsureSuccessStatusCode();
            var runId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run_id").GetString()!;
            await WaitFinishedAsync(ui, runId);
            _hostile = (ui, runId);
            return runId;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A run of a pipeline (newest first) chosen by <paramref name="pick"/>.</summary>
    public static async Task<JsonElement> RunAsync(UiFixture ui, string pipeline, Func<JsonElement, bool> pick)
    {
        var runs = await UiSeed.GetJsonAsync(ui.Http, $"api/v1/pipelines/{pipeline}/runs");
        var run = runs.GetProperty("runs").EnumerateArray().First(pick);
        return await UiSeed.GetJsonAsync(ui.Http, $"api/v1/pipelines/runs/{run.GetProperty("run_id").GetString()}");
    }

    /// <summary>The demo's retraining run started by the drift trigger (its trigger is the reason).</summary>
    public static Task<JsonElement> DriftRunAsync(UiFixture ui) =>
        RunAsync(ui, "weather-retrain", r => r.GetProperty("trigger").GetString()!.StartsWith("drift", StringComparison.Ordinal));

    /// <summary>The demo's manual retraining run, which reused (CACHED) the drift run's first steps.</summary>
    public static Task<JsonElement> CachedRunAsync(UiFixture ui) =>
        RunAsync(ui, "weather-retrain", r => r.GetProperty("trigger").GetString() == "manual");

    public static string RunId(JsonElement details) => details.GetProperty("run").GetProperty("run_id").GetString()!;

    private static async Task WaitFinishedAsync(UiFixture ui, string runId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var run = await UiSeed.GetJsonAsync(ui.Http, $"api/v1/pipelines/runs/{runId}");
            if (run.GetProperty("run").GetProperty("status").GetString() != "RUNNING")
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"pipeline run {runId} did not finish within a minute");
            }

            await Task.Delay(100);
        }
    }
}
