using Cairn.Pipelines.Spec;
using Cairn.Pipelines.Steps;

namespace Cairn.Pipelines.Tests.Triggers;

public sealed class TriggerSpecTests
{
    private static SpecParseResult Parse(string triggers) =>
        new PipelineSpecParser(new StepCatalog([new NoopStep()])).Parse(
            "name: retrain\nparams:\n  trainer: lightgbm\nsteps:\n  a: { uses: noop }\ntriggers:\n" + triggers, "p.yaml");

    private static List<string> Problems(string triggers) => Parse(triggers).Problems.Select(p => p.ToString()).ToList();

    [Fact]
    public void Triggers_OfEveryKind_AreParsedWithDefaultsAndDescriptions()
    {
        var result = Parse("""
              - cron: "0 3 * * *"
                params: { trainer: fasttree }
              - data: { dataset: seattle-weather }
                cooldown: 30m
              - drift: { deployment: weather, share: 0.5, reports: 2 }
              - drift: { deployment: weather, feature: temp_max }
              - drift: { deployment: weather, prediction: true }
              - drift: { deployment: weather }
              - performance: { deployment: weather, metric: accuracy, below: 0.7, min_labelled: 50 }
              - performance: { deployment: weather, metric: rmse, above: 3 }
            """);

        Assert.Empty(result.Problems);
        var t = result.Spec!.TriggerSpecs;
        Assert.Equal(["cron", "data", "drift", "drift", "drift", "drift", "performance", "performance"], t.Select(x => x.Kind));
        var cron = Assert.IsType<CronTriggerSpec>(t[0]);
        Assert.Equal("fasttree", cron.Params["trainer"]);
        Assert.Equal(TimeSpan.FromHours(1), cron.Cooldown);
        Assert.Equal("cron \"0 3 * * *\" (UTC)", cron.Description);
        Assert.Equal(TimeSpan.FromMinutes(30), t[1].Cooldown);
        Assert.Equal("data: new version of dataset seattle-weather, cooldown 30m", t[1].Description);
        var share = Assert.IsType<DriftTriggerSpec>(t[2]);
        Assert.Equal((0.5, 2), (share.Share!.Value, share.Reports));
        Assert.Equal("drift: deployment weather, drift share >= 0.5, 2 consecutive reports", share.Description);
        Assert.Equal("temp_max", Assert.IsType<DriftTriggerSpec>(t[3]).Feature);
        Assert.True(Assert.IsType<DriftTriggerSpec>(t[4]).Prediction);
        Assert.Equal("drift: deployment weather, dataset drift", t[5].Description);
        var perf = Assert.IsType<PerformanceTriggerSpec>(t[6]);
        Assert.Equal((0.7, 50L, 1), (perf.Below!.Value, perf.MinLabelled, perf.Reports));
        Assert.Equal("performance: deployment weather, accuracy < 0.7 (at least 50 labelled)", perf.Description);
        Assert.Equal(3, Assert.IsType<PerformanceTriggerSpec>(t[7]).Above);
        Assert.Equal(8, t.Select(x => x.Key).Distinct().Count());
        Assert.Equal(7, t[0].Location.Line);
    }

    [Fact]
    public void TriggerKey_DependsOnlyOnTheDefinition()
    {
        var a = Parse("  - drift: { deployment: weather }\n").Spec!.TriggerSpecs[0].Key;
        var b = Parse("  - drift:\n      deployment: weather\n").Spec!.TriggerSpecs[0].Key;
        var c = Parse("  - drift: { deployment: other }\n").Spec!.TriggerSpecs[0].Key;

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData("  - cron: \"61 3 * * *\"\n", "p.yaml:7:11: trigger 1: '61 3 * * *' is not a valid cron expression")]
    [InlineData("  - cron: \"0 3 * * *\"\n    cooldown: soon\n", "p.yaml:8:15: trigger 1: 'cooldown' must be 0 or a duration")]
    [InlineData("  - data: { name: x }\n", "p.yaml:7:13: trigger 1: unknown key 'name' in 'data' (known keys: dataset)")]
    [InlineData("  - data: seattle\n", "p.yaml:7:11: trigger 1: 'data' must be a mapping such as { dataset: NAME }")]
    [InlineData("  - drift: { share: 0.5 }\n", "p.yaml:7:12: trigger 1: 'drift' is missing required key 'deployment'")]
    [InlineData("  - drift: { deployment: w, share: 1.5 }\n", "p.yaml:7:36: trigger 1: 'drift.share' must be a number between 0 and 1")]
    [InlineData("  - drift: { deployment: w, reports: 0 }\n", "p.yaml:7:38: trigger 1: 'drift.reports' must be a whole number from 1 to 100")]
    [InlineData("  - drift: { deployment: w, share: 0.5, prediction: true }\n", "p.yaml:7:12: trigger 1: 'drift' takes at most one of share, feature, prediction")]
    [InlineData("  - performance: { deployment: w, metric: accuracy }\n", "p.yaml:7:18: trigger 1: 'performance' needs exactly one of below, above")]
    [InlineData("  - performance: { deployment: w, metric: accuracy, below: low }\n", "p.yaml:7:60: trigger 1: 'performance.below' must be a number")]
    [InlineData("  - cron: \"0 3 * * *\"\n    params: { epochs: 3 }\n", "p.yaml:8:15: trigger 1: 'params' sets unknown param 'epochs'")]
    [InlineData("  - cron: \"0 3 * * *\"\n    data: { dataset: x }\n", "p.yaml:8:5: trigger 1: a trigger has exactly one kind")]
    [InlineData("  - every: 1h\n", "p.yaml:7:5: trigger 1: unknown key 'every'")]
    [InlineData("  - cooldown: 1h\n", "p.yaml:7:5: trigger 1: missing the trigger kind: one of cron, data, drift, performance")]
    [InlineData("  - drift: { deployment: w }\n  - drift: { deployment: w }\n", "p.yaml:8:5: trigger 2: duplicate of trigger 1")]
    [InlineData("  cron: x\n", "p.yaml:7:3: 'triggers' must be a list")]
    public void InvalidTrigger_IsReportedWithFileLineAndReason(string triggers, string expected)
    {
        var problems = Problems(triggers);

        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryBadTrigger_IsReportedAtOnce_WithTheStepsProblems()
    {
        var result = new PipelineSpecParser(new StepCatalog([new NoopStep()])).Parse(
            "name: p\nsteps:\n  a: { uses: nope }\ntriggers:\n  - cron: bad\n  - drift: {}\n", "p.yaml");

        Assert.Null(result.Spec);
        Assert.Contains(result.Problems, p => p.Line == 3 && p.Reason.Contains("unknown step kind", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Line == 5 && p.Reason.StartsWith("trigger 1:", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Line == 6 && p.Reason.StartsWith("trigger 2:", StringComparison.Ordinal));
    }
}
