using System.Text.Json;

namespace Cairn.Cli.Tests.Demo;

/// <summary>
/// The closed loop end to end: every transition of the demo's timeline, with the numbers behind it
/// (one run of <c>cairn demo --fast</c>, shared by the tests).
/// </summary>
public sealed class DemoEndToEndTests(DemoRunFixture demo) : IClassFixture<DemoRunFixture>
{
    [Fact]
    public void Demo_CompletesTheStory_AndExitsZero()
    {
        Assert.True(demo.Result.ExitCode == 0, demo.Result.ToString());
        Assert.True(demo.Timeline.GetProperty("completed").GetBoolean(), demo.Result.ToString());
        Assert.DoesNotContain(demo.Events, e => e.GetProperty("kind").GetString() is "missing" or "failed");
    }

    [Fact]
    public void Champion_IsTrained_ThenDeployed()
    {
        var trained = demo.Single("trained");
        Assert.InRange(trained.GetProperty("data").GetProperty("test_accuracy").GetDouble(), 0.6, 1.0);
        var deployed = demo.Single("deployed");
        Assert.Equal("weather", deployed.GetProperty("data").GetProperty("deployment").GetString());
        Assert.True(demo.IndexOf("trained") < demo.IndexOf("deployed"), demo.Result.ToString());
    }

    [Fact]
    public void HeldOutDays_ShowNoDrift()
    {
        var report = demo.Single("no_drift", "monitor").GetProperty("data");
        Assert.False(report.GetProperty("dataset_drift").GetBoolean());
        Assert.True(report.GetProperty("drift_share").GetDouble() < 0.5);
        Assert.Equal(146, report.GetProperty("rows").GetInt64());
    }

    [Fact]
    public void Traffic2014_IsFlaggedAsDrift_WithTheDriftedFeaturesNamed()
    {
        var drift = demo.Single("drift_detected").GetProperty("data");
        Assert.True(drift.GetProperty("dataset_drift").GetBoolean());
        Assert.True(drift.GetProperty("drift_share").GetDouble() >= 0.5);
        var features = drift.GetProperty("drifted_features").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("temp_max", features);
        Assert.Equal(365, drift.GetProperty("rows").GetInt64());
        Assert.True(demo.IndexOf("no_drift", "monitor") < demo.IndexOf("drift_detected"), demo.Result.ToString());
    }

    [Fact]
    public void DriftTrigger_StartsExactlyOneRetrainingRun()
    {
        var started = demo.Single("retraining_started").GetProperty("data");
        Assert.StartsWith("drift", started.GetProperty("trigger").GetString());
        var held = demo.Single("trigger_held").GetProperty("data");
        Assert.Equal(1, held.GetProperty("retraining_runs").GetInt32());
        Assert.Equal(1, demo.Timeline.GetProperty("outcome").GetProperty("retraining_runs").GetInt32());
        Assert.True(demo.IndexOf("drift_detected") < demo.IndexOf("retraining_started"), demo.Result.ToString());
    }

    [Fact]
    public void RetrainedCandidate_PassesTheGate_AndIsRolledOutStepByStep_ToADecision()
    {
        var gate = demo.Single("gate_passed", "retrain").GetProperty("data");
        Assert.True(gate.GetProperty("candidate_test_accuracy").GetDouble() > 0);
        demo.Single("rollout_started", "rollout");
        var decisions = demo.Events.Where(e => e.GetProperty("phase").GetString() == "rollout"
            && e.GetProperty("kind").GetString() is "rollout_advanced" or "promoted" or "rolled_back").ToList();
        Assert.NotEmpty(decisions);
        foreach (var decision in decisions)
        {
            // Every decision carries its reason and the numbers it was taken on.
            Assert.False(string.IsNullOrWhiteSpace(decision.GetProperty("message").GetString()));
            Assert.True(decision.GetProperty("data").TryGetProperty("canary", out _), decision.ToString());
        }

        var finished = demo.Single("rollout_finished", "rollout").GetProperty("data");
        var state = finished.GetProperty("state").GetString();
        Assert.Contains(state, new[] { "Promoted", "RolledBack" });
        if (state == "Promoted")
        {
            var advanced = decisions.Where(d => d.GetProperty("kind").GetString() == "rollout_advanced").Select(d => d.GetProperty("data").GetProperty("weight_after").GetInt32()).ToList();
            Assert.Equal([25, 50, 100], advanced);
            Assert.Equal("promoted", decisions[^1].GetProperty("kind").GetString());
        }
    }

    [Fact]
    public void WorseCandidate_IsRolledBackAutomatically_WithASignificantDrop()
    {
        demo.Single("worse_submitted");
        demo.Single("gate_passed", "worse");
        var rollback = demo.Single("rolled_back", "worse");
        var data = rollback.GetProperty("data");
        Assert.True(data.GetProperty("canary_accuracy").GetDouble() < data.GetProperty("champion_accuracy").GetDouble(), rollback.ToString());
        Assert.True(data.GetProperty("p_value").GetDouble() < 0.01, rollback.ToString());
        Assert.Contains("rolled back", rollback.GetProperty("message").GetString());
        Assert.Equal("RolledBack", demo.Single("rollout_finished", "worse").GetProperty("data").GetProperty("state").GetString());
        Assert.Equal("RolledBack", demo.Timeline.GetProperty("outcome").GetProperty("worse_rollout").GetString());
    }

    [Fact]
    public void Timeline_EndsWithWhereToExplore()
    {
        var explore = demo.Timeline.GetProperty("explore");
        Assert.Contains(explore.GetProperty("urls").EnumerateArray(), u => u.GetString()!.EndsWith("/api/v1/rollouts", StringComparison.Ordinal));
        Assert.Contains(explore.GetProperty("commands").EnumerateArray(), c => c.GetString()!.StartsWith("cairn deploy history weather", StringComparison.Ordinal));
        Assert.All(demo.Events, e => Assert.Equal(JsonValueKind.String, e.GetProperty("time").ValueKind));
    }
}
