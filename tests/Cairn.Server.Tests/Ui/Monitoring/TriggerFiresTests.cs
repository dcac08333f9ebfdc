using Cairn.Core.Pipelines;
using Cairn.Server.Ui.Pages.Monitoring;

namespace Cairn.Server.Tests.Ui.Monitoring;

/// <summary>Which triggers watch monitor reports and which runs they started.</summary>
public sealed class TriggerFiresTests
{
    private static TriggerState Trigger(string kind, string definition) => new()
    {
        Pipeline = "retrain", Key = kind, Kind = kind, Description = kind, DefinitionJson = definition,
    };

    private static PipelineRunInfo Run(string id, string trigger, long created) =>
        new(id, "retrain", 1, "hash", new Dictionary<string, string>(), trigger, false, PipelineRunStatus.Complete, created, created + 1, null, null);

    [Fact]
    public void Watching_KeepsDriftAndPerformanceTriggers_OfTheDeployment()
    {
        var pipeline = new AppliedPipeline(1, "retrain", "spec", "p.yaml", null, new Dictionary<string, string>(), 0,
        [
            Trigger("drift", """{"drift":{"deployment":"weather"},"cooldown":"24h"}"""),
            Trigger("performance", """{"performance":{"deployment":"other","metric":"accuracy"}}"""),
            Trigger("cron", """{"cron":"0 * * * *"}"""),
            Trigger("drift", "not json"),
        ]);

        Assert.Equal(["weather", "other"], TriggerFires.Watching([pipeline], null).Select(t => t.Deployment));
        Assert.Equal("drift", Assert.Single(TriggerFires.Watching([pipeline], "weather")).State.Kind);
    }

    [Fact]
    public void Fires_AreTheRunsAMonitorTriggerStarted_NewestFirst_WithTheReportTheyName()
    {
        var runs = new[]
        {
            Run("a", "drift: deployment weather report 2, dataset drift detected", 10),
            Run("b", "manual", 20),
            Run("c", "performance: deployment weather report 17, accuracy 0.5 < 0.7", 30),
            Run("d", "drift: deployment weather2 report 3, dataset drift detected", 40),
            Run("e", "cron: \"0 * * * *\" at 2026-01-01T00:00:00Z", 50),
        };

        var fires = TriggerFires.Fires(runs, "weather");

        Assert.Equal(["c", "a"], fires.Select(f => f.RunId));
        Assert.Equal([17L, 2L], fires.Select(f => f.ReportId!.Value));
        Assert.Equal("COMPLETE", fires[0].Status);
        Assert.Equal(3, TriggerFires.Fires(runs, null).Count);
    }

    [Fact]
    public void ReportId_OfAReasonWithoutOne_IsNull() => Assert.Null(TriggerFires.ReportId("no monitor report of deployment weather yet"));
}
