using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Core.Monitoring;
using Cairn.Monitoring.Rollouts;
using Cairn.Serving.Deployments;
using Microsoft.Extensions.DependencyInjection;

namespace Cairn.Cli.Commands.Demo;

internal sealed partial class DemoRunner
{
    /// <summary>Replayed 2015 days used so far (rollouts continue where the previous one stopped; a pass wraps around).</summary>
    private int _day2015;

    private RolloutService Rollouts => _app.Services.GetRequiredService<RolloutService>();

    /// <summary>
    /// Replays 2015 as the rollout's traffic (several clients per day, feedback a week late) and lets the rollout
    /// controller analyse each step, printing every decision with its numbers, until the rollout ends.
    /// Returns the final state, or null when no rollout of <paramref name="version"/> was started.
    /// </summary>
    private async Task<string?> DriveRolloutAsync(string phase, long version, CancellationToken cancellationToken)
    {
        var rollout = await Rollouts.Store.CurrentAsync(DemoSettings.Deployment, cancellationToken);
        if (rollout is null || rollout.Version != version)
        {
            await timeline.AddAsync(phase, "failed", $"No rollout of v{version} was started on '{DemoSettings.Deployment}' (the pipeline's deploy.rollout step should have started it).");
            return null;
        }

        var policy = rollout.Policy;
        await timeline.AddAsync(phase, "rollout_started",
            $"Rollout {rollout.Id}: v{version} joins as variant '{rollout.CandidateVariant}' at {rollout.Weight}% next to the champion; steps {string.Join("→", policy.Steps)}",
            CurrentDay(),
            new JsonObject
            {
                ["rollout"] = rollout.Id,
                ["trigger"] = rollout.Trigger,
                ["steps"] = string.Join(",", policy.Steps),
                ["min_samples_per_arm"] = policy.MinSamples,
                ["metric"] = policy.Metric,
                ["max_drop"] = policy.MaxDrop,
                ["alpha"] = policy.Alpha,
                ["max_error_rate"] = policy.MaxErrorRate,
                ["max_p99_ms"] = policy.MaxP99Ms,
                ["clients_per_day"] = $"{DemoSettings.RolloutClientsPerDay(rollout.Weight)} at {rollout.Weight}% (about one reaches the canary)",
            });

        var reported = (await Rollouts.Store.ListDecisionsAsync(rollout.Id, cancellationToken)).Count;
        var holds = 0;
        var controller = _app.Services.GetRequiredService<RolloutController>();
        var maxDays = 3 * 365;
        for (var day = 1; day <= maxDays; day++)
        {
            var today = Next2015Day();
            await _traffic.ReplayDayAsync(today, DemoSettings.RolloutClientsPerDay(rollout.Weight), cancellationToken);
            await _traffic.DeliverFeedbackAsync(today.Date, cancellationToken);
            await timeline.ProgressAsync($"rollout {rollout.Id}: {today.Date:yyyy-MM-dd}, {rollout.Weight}% canary, {holds} analyses waiting for data");
            if (day % settings.DaysPerAnalysis != 0)
            {
                continue;
            }

            // One analysis per DaysPerAnalysis replayed days: if the step began too recently (wall clock), wait out its interval.
            var due = rollout.StepStartedAt + (long)(rollout.Policy.IntervalSeconds * 1000) - TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
            if (due > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(due + 20), cancellationToken);
            }

            // The analysis reads the prediction log: let it catch up with what was sent (the replay is faster than its flushes).
            await WaitForPredictionLogAsync(cancellationToken);
            await controller.TickAsync(cancellationToken);
            var decisions = await Rollouts.Store.ListDecisionsAsync(rollout.Id, cancellationToken);
            foreach (var decision in decisions.Skip(reported))
            {
                if (decision.Action == RolloutAction.Hold)
                {
                    holds++;
                    continue;
                }

                await timeline.AddAsync(phase, DecisionKind(decision.Action), decision.Reason, today.Date, DecisionData(decision));
            }

            reported = decisions.Count;
            rollout = await Rollouts.Store.GetAsync(rollout.Id, cancellationToken) ?? rollout;
            if (!rollout.IsActive || rollout.State == RolloutState.Paused)
            {
                break;
            }
        }

        await _traffic.DeliverFeedbackAsync(null, cancellationToken);
        if (rollout.IsActive)
        {
            // Paused (inconclusive too often) or out of traffic: a person would look; the demo aborts it to go on, and says so.
            rollout = await Rollouts.AbortAsync(DemoSettings.Deployment,
                new ChangeContext("cairn-demo", $"cairn demo: rollout {rollout.Id} was {rollout.State} without a decision; aborted to go on with the story"), cancellationToken);
            await timeline.AddAsync(phase, "rollout_aborted", $"Rollout {rollout.Id} reached no decision; the demo aborted it (the champion keeps serving)", CurrentDay());
        }

        var state = rollout.State.ToString();
        var deployment = await _client.GetDeploymentAsync(DemoSettings.Deployment, cancellationToken);
        await timeline.AddAsync(phase, "rollout_finished",
            string.Create(CultureInfo.InvariantCulture, $"Rollout {rollout.Id} ended {state}; '{DemoSettings.Deployment}' now serves {string.Join(", ", Variants(deployment).Select(v => v!.ToString()))} ({holds} analyses waited for more data)"),
            CurrentDay(),
            new JsonObject { ["rollout"] = rollout.Id, ["state"] = state, ["variants"] = Variants(deployment), ["waiting_analyses"] = holds });
        if (rollout.State == RolloutState.Promoted)
        {
            // The rollout moves traffic, not registry aliases: the promoted version becomes the champion the next gate compares with.
            await _client.SetAliasAsync(DemoSettings.Model, "champion", version.ToString(CultureInfo.InvariantCulture), cancellationToken);
            await timeline.AddAsync(phase, "champion_moved", $"The demo points {DemoSettings.Model}@champion at v{version} (v{_championVersion} before): later candidates are gated against it", CurrentDay(),
                new JsonObject { ["champion"] = $"{DemoSettings.Model} v{version}", ["previous"] = $"{DemoSettings.Model} v{_championVersion}" });
            _championVersion = version;
        }

        return state;
    }

    /// <summary>The next 2015 day; after Dec 31 the replay starts again at Jan 1 (a second pass).</summary>
    private WeatherDay Next2015Day() => _data.Year2015[_day2015++ % _data.Year2015.Count];

    private DateOnly? CurrentDay() => _day2015 == 0 ? _data.Year2014[^1].Date : _data.Year2015[(_day2015 - 1) % _data.Year2015.Count].Date;

    private static string DecisionKind(RolloutAction action) => action switch
    {
        RolloutAction.Advance => "rollout_advanced",
        RolloutAction.Promote => "promoted",
        RolloutAction.Rollback => "rolled_back",
        RolloutAction.Pause => "rollout_paused",
        RolloutAction.Abort => "rollout_aborted",
        _ => "rollout_" + action.ToString().ToLowerInvariant(),
    };

    private static JsonObject DecisionData(RolloutDecision decision)
    {
        var data = new JsonObject { ["action"] = decision.Action.ToString(), ["weight_after"] = decision.Weight };
        if (decision.Numbers is { } n)
        {
            data["canary"] = ArmText(n.Candidate, n.Metric);
            data["champion"] = ArmText(n.Champion, n.Metric);
            if (n.Test is { } test)
            {
                data["test"] = string.Create(CultureInfo.InvariantCulture, $"{test} statistic {Format(n.Statistic ?? double.NaN)}, p {Format(n.PValue ?? double.NaN)} (alpha {n.Alpha}, max drop {n.MaxDrop})");
            }

            data["canary_accuracy"] = Round(n.Candidate.MetricValue);
            data["champion_accuracy"] = Round(n.Champion.MetricValue);
            data["p_value"] = n.PValue is { } p && !double.IsNaN(p) ? p : null;
        }

        return data;
    }

    private static string ArmText(RolloutArm arm, string metric) => string.Create(CultureInfo.InvariantCulture,
        $"{metric} {(arm.MetricValue is { } m ? Format(m) : "n/a")} on {arm.Labelled} labelled, {arm.Requests} requests, errors {arm.ErrorRate:0.##%}, p99 {(arm.P99Ms is { } p ? Format(p) + " ms" : "n/a")}");

    /// <summary>A deliberately worse candidate (the baseline trainer, gate relaxed so it gets through) is caught online.</summary>
    private async Task<bool> WorseCandidateAsync(CancellationToken cancellationToken)
    {
        var parameters = settings.RetrainParams(("trainer", "baseline"), ("min_f1", "0"), ("max_drop", "1"));
        var submitted = await _client.SubmitPipelineRunAsync(DemoPipelines.Spec("retrain.yaml"), "retrain.yaml", parameters,
            workingDirectory: settings.DemoDirectory, cancellationToken: cancellationToken);
        await timeline.AddAsync("worse", "worse_submitted",
            $"Now a deliberately worse candidate: run {submitted.RunId} trains the baseline (always the most frequent class) with the offline gate relaxed (min_f1=0, max_drop=1) so only the online analysis can stop it",
            CurrentDay(),
            new JsonObject { ["pipeline_run"] = submitted.RunId, ["params"] = "trainer=baseline min_f1=0 max_drop=1" });
        var version = await FollowCandidateRunAsync(submitted.RunId, "worse", "the baseline candidate", cancellationToken);
        if (version is null)
        {
            return false;
        }

        var state = await DriveRolloutAsync("worse", version.Value, cancellationToken);
        _outcome["worse_rollout"] = state;
        return state is not null;
    }
}
