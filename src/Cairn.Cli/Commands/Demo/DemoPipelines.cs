using System.Globalization;
using System.Reflection;
using Cairn.Client;
using Cairn.Contracts.Mlflow.Registry;
using Cairn.Contracts.Native.Pipelines;

namespace Cairn.Cli.Commands.Demo;

/// <summary>The demo's pipeline files (embedded from examples/seattle-weather/demo) and helpers to run and read them.</summary>
internal static class DemoPipelines
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static string Spec(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Cairn.Cli.Demo." + fileName)
            ?? throw new InvalidOperationException($"The demo pipeline '{fileName}' is not embedded in the CLI.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Follows a run to its end, showing which step it is on.</summary>
    public static async Task<GetPipelineRunResponse> WaitAsync(CairnClient client, string runId, DemoTimeline timeline, string what, CancellationToken cancellationToken)
    {
        while (true)
        {
            var run = await client.GetPipelineRunAsync(runId, cancellationToken);
            if (run.Run.Status != "RUNNING")
            {
                return run;
            }

            var running = run.Executions.Where(e => e.State == "RUNNING").Select(e => e.StepId).Distinct().ToList();
            await timeline.ProgressAsync($"{what}: {(running.Count > 0 ? string.Join(", ", running) : "starting")} ({timeline.Elapsed.TotalSeconds:0}s)");
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>The failing step's error, else the run's.</summary>
    public static string Failure(GetPipelineRunResponse run) =>
        run.Executions.Where(e => e.State == "FAILED").Select(e => $"{e.StepId}: {e.Error}").LastOrDefault() ?? run.Run.Error ?? run.Run.Status;

    public static string? Tag(ModelVersionDto version, string key) => version.Tags?.FirstOrDefault(t => t.Key == key)?.Value;

    /// <summary>A <c>cairn.metric.*</c> tag (set by model.register from the evaluation report).</summary>
    public static double? Metric(ModelVersionDto version, string metric) =>
        Tag(version, "cairn.metric." + metric) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The model version a run registered (its register step's output names it), or null.</summary>
    public static async Task<ModelVersionDto?> RegisteredVersionAsync(CairnClient client, string model, string runId, CancellationToken cancellationToken)
    {
        await foreach (var version in client.EnumerateModelVersionsAsync($"name = '{model}'", cancellationToken: cancellationToken))
        {
            if (Tag(version, "cairn.pipeline_run") == runId)
            {
                return version;
            }
        }

        return null;
    }
}
