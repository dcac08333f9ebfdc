using Cairn.Core.Monitoring;
using Cairn.Monitoring.Rollouts;

namespace Cairn.Monitoring.Tests.Rollouts;

public sealed class RolloutAnalysisTests
{
    private static readonly RolloutPolicy Policy = new() { MinSamples = 100, MaxDrop = 0.02, Alpha = 0.05, MaxErrorRate = 0.01, MaxP99Ms = 500 };

    private static ArmEvidence Arm(long requests, long correct, long labelled, long errors = 0, double p99 = 20) =>
        new() { Requests = requests, Errors = errors, P99Ms = p99, Labelled = labelled, Correct = correct };

    [Fact]
    public void EqualAccuracy_WithEnoughSamples_Passes()
    {
        var verdict = RolloutAnalysis.Judge(Policy, Arm(500, 400, 500), Arm(500, 402, 500));

        Assert.Equal(RolloutOutcome.Pass, verdict.Outcome);
        Assert.Equal("two-proportion-z", verdict.Numbers.Test);
        Assert.Equal(0.8, verdict.Numbers.Candidate.MetricValue!.Value, 10);
        Assert.Equal(0.804, verdict.Numbers.Champion.MetricValue!.Value, 10);
        Assert.InRange(verdict.Numbers.PValue!.Value, 0.8, 1.0);
    }

    [Fact]
    public void SignificantlyWorseAccuracy_BeyondMaxDrop_Fails_WithTheNumbersInTheReason()
    {
        // 60 % vs 80 % on 500 labels each: z ≈ -7, p ≈ 1e-12.
        var verdict = RolloutAnalysis.Judge(Policy, Arm(500, 300, 500), Arm(500, 400, 500));

        Assert.Equal(RolloutOutcome.Fail, verdict.Outcome);
        Assert.True(verdict.Numbers.Statistic < -6, verdict.Reason);
        Assert.True(verdict.Numbers.PValue < 1e-9, verdict.Reason);
        Assert.Contains("accuracy canary 0.6 (n=500) vs champion 0.8 (n=500)", verdict.Reason, StringComparison.Ordinal);
        Assert.StartsWith("fail: canary accuracy 0.6 worse than champion 0.8 by 0.2 > 0.02", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WorseBeyondMaxDrop_ButNotSignificant_IsInconclusive_NotAPass()
    {
        // 75 % vs 80 % on 100 labels each: a drop of 0.05 > 0.02, but p ≈ 0.4.
        var verdict = RolloutAnalysis.Judge(Policy, Arm(100, 75, 100), Arm(100, 80, 100));

        Assert.Equal(RolloutOutcome.Inconclusive, verdict.Outcome);
        Assert.True(verdict.Numbers.PValue > 0.05);
        Assert.Contains("not significant", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SignificantlyWorse_ButWithinMaxDrop_Passes()
    {
        // 79 % vs 80 % on 100,000 labels each is significant (p ≈ 1e-8) but within the tolerated 0.02.
        var policy = Policy with { MaxDrop = 0.02 };
        var verdict = RolloutAnalysis.Judge(policy, Arm(100_000, 79_000, 100_000), Arm(100_000, 80_000, 100_000));

        Assert.True(verdict.Numbers.PValue < 1e-6);
        Assert.Equal(RolloutOutcome.Pass, verdict.Outcome);
    }

    [Fact]
    public void TooFewLabels_IsInconclusive_AndRunsNoTest()
    {
        var verdict = RolloutAnalysis.Judge(Policy, Arm(500, 50, 60), Arm(500, 400, 500));

        Assert.Equal(RolloutOutcome.Inconclusive, verdict.Outcome);
        Assert.Null(verdict.Numbers.Test);
        Assert.Contains("min_samples 100", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorRateAboveMax_Fails_EvenWithAGoodMetric()
    {
        var verdict = RolloutAnalysis.Judge(Policy, Arm(1000, 450, 500, errors: 20), Arm(1000, 400, 500));

        Assert.Equal(RolloutOutcome.Fail, verdict.Outcome);
        Assert.Equal(20, verdict.Numbers.Candidate.Errors);
        Assert.Equal(0.02, verdict.Numbers.Candidate.ErrorRate, 10);
        Assert.Contains("error rate 2% above 1%", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ABrokenCanary_FailsBeforeMinSamples()
    {
        // 5 errors in 10 requests: even if the next 90 succeeded, 5 % > 1 %.
        var verdict = RolloutAnalysis.Judge(Policy with { Metric = RolloutAnalysis.NoMetric }, Arm(10, 0, 0, errors: 5), Arm(100, 0, 0));

        Assert.Equal(RolloutOutcome.Fail, verdict.Outcome);
    }

    [Fact]
    public void FewRequests_WithoutErrors_IsInconclusive()
    {
        var verdict = RolloutAnalysis.Judge(Policy with { Metric = RolloutAnalysis.NoMetric }, Arm(10, 0, 0), Arm(100, 0, 0));

        Assert.Equal(RolloutOutcome.Inconclusive, verdict.Outcome);
        Assert.Contains("fewer than min_samples", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void P99AboveMax_Fails()
    {
        var verdict = RolloutAnalysis.Judge(Policy with { Metric = RolloutAnalysis.NoMetric }, Arm(200, 0, 0, p99: 750), Arm(200, 0, 0));

        Assert.Equal(RolloutOutcome.Fail, verdict.Outcome);
        Assert.Contains("p99 750 ms above 500 ms", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RegressionWithLargerErrors_Fails_OnMannWhitney()
    {
        var candidate = new ArmEvidence { Requests = 300, P99Ms = 5, Labelled = 200, AbsoluteErrors = [.. Enumerable.Range(0, 200).Select(i => 2.0 + (i % 10 * 0.1))] };
        var champion = new ArmEvidence { Requests = 300, P99Ms = 5, Labelled = 200, AbsoluteErrors = [.. Enumerable.Range(0, 200).Select(i => 1.0 + (i % 10 * 0.1))] };

        var verdict = RolloutAnalysis.Judge(Policy with { Metric = "mae" }, candidate, champion);

        Assert.Equal(RolloutOutcome.Fail, verdict.Outcome);
        Assert.Equal("mann-whitney", verdict.Numbers.Test);
        Assert.Equal(2.45, verdict.Numbers.Candidate.MetricValue!.Value, 10);
        Assert.True(verdict.Numbers.PValue < 1e-10);
    }

    [Fact]
    public void RegressionWithTheSameErrors_Passes()
    {
        var errors = Enumerable.Range(0, 200).Select(i => i % 17 * 0.3).ToArray();
        var arm = new ArmEvidence { Requests = 300, P99Ms = 5, Labelled = 200, AbsoluteErrors = errors };

        var verdict = RolloutAnalysis.Judge(Policy with { Metric = "rmse" }, arm, arm);

        Assert.Equal(RolloutOutcome.Pass, verdict.Outcome);
        Assert.Equal(1, verdict.Numbers.PValue!.Value, 6);
    }

    [Theory]
    [InlineData(10, 90)]
    [InlineData(25, 75)]
    [InlineData(100, 0)]
    public void ChampionWeights_OfOneChampion_AreTheRest(int candidate, int champion)
    {
        var weights = RolloutService.ChampionWeights([new() { Name = "a", Model = "m", Version = 1, Weight = 100 }], candidate);

        Assert.Equal(champion, weights["a"]);
    }

    [Fact]
    public void ChampionWeights_OfSeveralChampions_KeepTheirProportions_AndSumExactly()
    {
        var weights = RolloutService.ChampionWeights(
            [new() { Name = "a", Model = "m", Version = 1, Weight = 70 }, new() { Name = "b", Model = "m", Version = 2, Weight = 30 }], 25);

        Assert.Equal(75, weights.Values.Sum());
        Assert.Equal(53, weights["a"]); // 52.5 and 22.5: the tie goes to the first name.
        Assert.Equal(22, weights["b"]);
    }
}
