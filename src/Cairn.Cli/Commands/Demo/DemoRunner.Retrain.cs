using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Client;
using Cairn.Pipelines.Triggers;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Cli.Commands.Demo;

internal sealed partial class DemoRunner
{
    private const string RetrainPipeline = "weather-retrain";

    private TriggerService Triggers => _app.Services.GetRequiredService<TriggerService>();

    /// <summary>Applies the retraining pipeline: the server keeps it with its drift trigger (POST /api/v1/pipelines).</summary>
    private async Task<bool> ApplyRetrainPipelineAsync(CancellationToken cancellationToken)
    {
        var applied = await Triggers.ApplyAsync(
            new PipelineApplication(DemoPipelines.Spec("retrain.yaml"), "retrain.yaml", settings.DemoDirectory, settings.RetrainParams()), cancellationToken);
        if (applied.Pipeline is not { } pipeline)
        {
            await timeline.AddAsync("retrain", "failed", "The retraining pipeline is invalid: " + string.Join("; ", applied.Problems));
            return false;
        }

        await timeline.AddAsync("retrain", "pipeline_applied",
            $"Applied pipeline {pipeline.Name} (retrain on the data seen so far, gate against the champion, roll out progressively); its triggers now watch the deployment",
            data: new JsonObject { ["triggers"] = new JsonArray([.. pipeline.Triggers.Select(t => (JsonNode)JsonValue.Create(t.Description))]) });
        return true;
    }

    /// <summary>
    /// Monitors a full year of 2014 traffic (the reference covers whole years; a shorter window would mostly
    /// flag the seasons), lets the triggers evaluate, and checks that exactly one retraining run started —
    /// also after a second drifted report (debounce and cool-down: no storm).
    /// </summary>
    private async Task<string?> DetectDriftAndRetrainAsync(CancellationToken cancellationToken)
    {
        await UpdateSeenDataAsync(cancellationToken);
        var year = _data.Year2014;
        var report = await MonitorAsync(year.Count, cancellationToken);
        var drifted = report.FeatureDrift?.Drifted == true;
        _outcome["drift_report"] = report.Id;
        _outcome["drift_detected"] = drifted;
        await timeline.AddAsync("monitor", drifted ? "drift_detected" : "no_drift_2014",
            drifted
                ? $"Monitor report {report.Id} over 2014's {year.Count} days: DRIFT ({Share(report)})"
                : $"Monitor report {report.Id} over 2014's {year.Count} days: no dataset drift ({Share(report)})",
            year[^1].Date,
            ReportData(report));
        if (!drifted)
        {
            await timeline.AddAsync("retrain", "no_retraining", "Without drift the drift trigger does not fire; the story stops here.");
            return null;
        }

        await Triggers.EvaluateAsync(cancellationToken);
        var runs = await TriggeredRunsAsync(cancellationToken);
        if (runs.Count == 0)
        {
            var (_, states) = await Triggers.GetTriggersAsync(RetrainPipeline, cancellationToken);
            await timeline.AddAsync("retrain", "trigger_not_fired", "The drift trigger did not fire: " + string.Join("; ", states.Select(s => s.State.LastReason)));
            return null;
        }

        var run = runs[0];
        await timeline.AddAsync("retrain", "retraining_started",
            $"The drift trigger started retraining run {run.RunId} on the data seen so far ({_data.Training.Count} training days + {_traffic.Labelled.Count(d => d.Date.Year >= 2014)} labelled 2014 days, a new dataset version)",
            year[^1].Date,
            new JsonObject { ["pipeline_run"] = run.RunId, ["trigger"] = run.Trigger });

        // The same drift, seen again in a second report while the run is going: the trigger must hold.
        var again = await MonitorAsync(year.Count, cancellationToken);
        await Triggers.EvaluateAsync(cancellationToken);
        var after = await TriggeredRunsAsync(cancellationToken);
        var (_, triggerStates) = await Triggers.GetTriggersAsync(RetrainPipeline, cancellationToken);
        _outcome["retraining_runs"] = after.Count;
        await timeline.AddAsync("retrain", "trigger_held",
            $"Monitor report {again.Id} still shows drift, and the trigger holds: {after.Count} retraining run in total (no storm)",
            year[^1].Date,
            new JsonObject
            {
                ["report"] = again.Id,
                ["retraining_runs"] = after.Count,
                ["trigger_state"] = string.Join("; ", triggerStates.Select(s => s.State.LastReason)),
            });
        return run.RunId;
    }

    private async Task<List<Contracts.Native.Pipelines.PipelineRunDto>> TriggeredRunsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var runs = await _client.ListPipelineRunsAsync(RetrainPipeline, cancellationToken: cancellationToken);
            return [.. runs.Where(r => r.Trigger.StartsWith("drift", StringComparison.Ordinal)).OrderBy(r => r.CreatedTime)];
        }
        catch (CairnApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return [];
        }
    }

    /// <summary>Follows the retraining run: the evaluation gate, the registered candidate, then its rollout.</summary>
    private async Task<bool> FollowRetrainingAsync(string runId, CancellationToken cancellationToken)
    {
        var candidate = await FollowCandidateRunAsync(runId, "retrain", "the retrained candidate", cancellationToken);
        if (candidate is null)
        {
            // A failed gate is a legitimate end of this branch: nothing registered, the champion keeps serving.
            return true;
        }

        var state = await DriveRolloutAsync("rollout", candidate.Value, cancellationToken);
        _outcome["retrained_rollout"] = state;
        return state is not null;
    }

    /// <summary>Waits for a run, reports its gate and registration; returns the registered version, or null when nothing was registered.</summary>
    private async Task<long?> FollowCandidateRunAsync(string runId, string phase, string what, CancellationToken cancellationToken)
    {
        var run = await DemoPipelines.WaitAsync(_client, runId, timeline, $"pipeline {RetrainPipeline} ({what})", cancellationToken);
        var evaluate = run.Executions.LastOrDefault(e => e.StepId == "evaluate");
        if (evaluate?.State == "FAILED")
        {
            await timeline.AddAsync(phase, "gate_failed", $"The evaluation gate stopped {what}: {evaluate.Error}. Nothing was registered; the champion keeps serving.",
                data: new JsonObject { ["pipeline_run"] = runId });
            _outcome[$"{phase}_gate"] = "failed";
            return null;
        }

        var version = await DemoPipelines.RegisteredVersionAsync(_client, DemoSettings.Model, runId, cancellationToken);
        if (version is null)
        {
            await timeline.AddAsync(phase, "failed", $"Pipeline run {runId} registered nothing: {DemoPipelines.Failure(run)}");
            return null;
        }

        var number = long.Parse(version.Version, CultureInfo.InvariantCulture);
        var champion = await _client.GetModelVersionAsync(DemoSettings.Model, _championVersion.ToString(CultureInfo.InvariantCulture), cancellationToken);
        _outcome[$"{phase}_gate"] = "passed";
        await timeline.AddAsync(phase, "gate_passed",
            $"Evaluation gate passed: {what} v{number} ({DemoPipelines.Tag(version, "cairn.trainer")}) scored accuracy {Format(DemoPipelines.Metric(version, "accuracy") ?? double.NaN)} on its test split vs the champion's recorded {Format(DemoPipelines.Metric(champion, "accuracy") ?? double.NaN)}; registered as @candidate",
            data: new JsonObject
            {
                ["pipeline_run"] = runId,
                ["candidate"] = $"{DemoSettings.Model} v{number}",
                ["candidate_test_accuracy"] = DemoPipelines.Metric(version, "accuracy"),
                ["candidate_test_macro_f1"] = DemoPipelines.Metric(version, "macro_f1"),
                ["champion_test_accuracy"] = DemoPipelines.Metric(champion, "accuracy"),
                ["pipeline_status"] = run.Run.Status,
            });
        if (run.Run.Status != "COMPLETE")
        {
            await timeline.AddAsync(phase, "failed", $"Pipeline run {runId} did not complete: {DemoPipelines.Failure(run)}");
            return null;
        }

        return number;
    }
}
