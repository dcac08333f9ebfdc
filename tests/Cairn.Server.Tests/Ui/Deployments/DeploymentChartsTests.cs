using System.Text.Json.Nodes;
using Cairn.Core.Monitoring;
using Cairn.Core.Serving;
using Cairn.Server.Ui.Pages.Deployments;

namespace Cairn.Server.Tests.Ui.Deployments;

public sealed class DeploymentChartsTests
{
    private static DeploymentVariant Variant(string name, long version, int weight, VariantMode mode = VariantMode.Live, string model = "m") =>
        new() { Name = name, Model = model, Version = version, Weight = weight, Mode = mode };

    private static DeploymentEvent Event(long sequence, params DeploymentVariant[] variants) =>
        new() { Deployment = "d", Sequence = sequence, Timestamp = 1_700_000_000_000 + (sequence * 1000), Actor = "a", Action = "update", Variants = variants };

    [Fact]
    public void WeightHistory_GivesEachVariantVersionItsWeightAfterEveryChange_OldestFirst()
    {
        // The store answers newest first.
        IReadOnlyList<DeploymentEvent> events =
        [
            Event(3, Variant("canary", 2, 100)),
            Event(2, Variant("champion", 1, 90), Variant("canary", 2, 10), Variant("mirror", 3, 0, VariantMode.Shadow)),
            Event(1, Variant("champion", 1, 100)),
        ];

        var traces = WeightHistory.Traces(events);

        Assert.Equal(["champion (m v1)", "canary (m v2)"], traces.Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal([100, 90, 0], traces[0]!["y"]!.AsArray().Select(y => y!.GetValue<int>()));
        Assert.Equal([0, 10, 100], traces[1]!["y"]!.AsArray().Select(y => y!.GetValue<int>()));
    }

    [Fact]
    public void WeightHistory_ANameReusedForAnotherVersion_IsItsOwnBand_AndModelNamesAreEscaped()
    {
        var traces = WeightHistory.Traces([Event(1, Variant("canary", 2, 100, model: "<b>m</b>")), Event(2, Variant("canary", 3, 100, model: "<b>m</b>"))]);

        Assert.Equal(["canary (&lt;b&gt;m&lt;/b&gt; v2)", "canary (&lt;b&gt;m&lt;/b&gt; v3)"], traces.Select(t => t!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void LiveCharts_LeaveGapsWhereAVariantHadNoLatency()
    {
        IReadOnlyList<LivePoint> history =
        [
            new(1_000, new Dictionary<string, double> { ["a"] = 2 }, new Dictionary<string, double?> { ["a"] = 0.5 }),
            new(3_000, new Dictionary<string, double> { ["a"] = 0 }, new Dictionary<string, double?> { ["a"] = null }),
        ];

        var p99 = LiveCharts.P99(history, ["a", "b"]);
        var rates = LiveCharts.Rates(history, ["a"]);

        Assert.Equal([0.5, null], p99[0]!["y"]!.AsArray().Select(y => y?.GetValue<double>()));
        Assert.Equal([null, null], p99[1]!["y"]!.AsArray().Select(y => y?.GetValue<double>()));
        Assert.Equal([2.0, 0.0], rates[0]!["y"]!.AsArray().Select(y => y!.GetValue<double>()));
    }

    [Fact]
    public void RolloutChart_DrawsTheWeightAndBothArmsMetricAtEachAnalysis()
    {
        var rollout = new Rollout
        {
            Deployment = "d", Model = "m", Version = 2, CandidateVariant = "canary", Champions = [], Policy = new RolloutPolicy(), Actor = "a", Trigger = "api",
        };
        var numbers = new RolloutNumbers
        {
            Candidate = new RolloutArm { Requests = 40, Labelled = 30, MetricValue = 0.9 },
            Champion = new RolloutArm { Requests = 300, Labelled = 280, MetricValue = 0.8 },
            Metric = "accuracy",
            Test = "two-proportion-z",
            Statistic = 1.2,
            PValue = 0.2,
        };
        IReadOnlyList<RolloutDecision> decisions =
        [
            new() { Id = 1, Timestamp = 1_000, Weight = 10, Action = RolloutAction.Start, Actor = "a", Reason = "start" },
            new() { Id = 2, Timestamp = 2_000, Weight = 25, Action = RolloutAction.Advance, Actor = "c", Reason = "pass", Numbers = numbers },
        ];

        var traces = RolloutChart.Traces(rollout, decisions);

        Assert.Equal(3, traces.Count);
        Assert.Equal([10, 25], traces[0]!["y"]!.AsArray().Select(y => y!.GetValue<int>()));
        Assert.Equal([0.9], traces[1]!["y"]!.AsArray().Select(y => y!.GetValue<double>()));
        Assert.Equal([0.8], traces[2]!["y"]!.AsArray().Select(y => y!.GetValue<double>()));
        Assert.Equal("candidate accuracy", traces[1]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void DeploymentText_WritesTheTestOrWhyItDidNotRun()
    {
        var arm = new RolloutArm { Requests = 41, Errors = 0, P99Ms = 0.2423, Labelled = 34, MetricValue = 0.8824 };
        var ran = new RolloutNumbers { Candidate = arm, Champion = arm, Metric = "accuracy", Test = "two-proportion-z", Statistic = -2.6123, PValue = 0.009, MinSamples = 25 };
        var notRun = ran with { Test = null, Statistic = null, PValue = null };

        Assert.Equal("two-proportion-z statistic -2.6123, p 0.009", DeploymentText.Test(ran));
        Assert.Equal("not run (fewer than 25 labelled per arm)", DeploymentText.Test(notRun));
        Assert.Equal("accuracy 0.8824 (n=34)", DeploymentText.ArmMetric(arm, "accuracy"));
        Assert.Equal("", DeploymentText.ArmMetric(arm, "none"));
        Assert.Equal("41 requests · 0 errors (0 %) · p99 0.24 ms", DeploymentText.ArmHealth(arm));
    }

    [Fact]
    public void DeploymentText_WritesLoggedInputsAndJudgesFeedback()
    {
        var inputs = new JsonObject { ["date"] = "2015-06-01T00:00:00Z", ["temp_max"] = 25.5, ["city"] = "Seattle" };

        Assert.Equal("date=2015-06-01, temp_max=25.5, city=Seattle", DeploymentText.Inputs(inputs));
        Assert.True(DeploymentText.Correct("rain", "rain"));
        Assert.False(DeploymentText.Correct("rain", "sun"));
        Assert.Null(DeploymentText.Correct(null, "12.5"));
        Assert.Equal("sun (0.9991)", DeploymentText.Output("sun", 0.99912));
    }
}
