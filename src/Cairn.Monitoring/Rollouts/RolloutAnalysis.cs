using System.Globalization;
using Cairn.Core.Monitoring;
using Cairn.Monitoring.Statistics;

namespace Cairn.Monitoring.Rollouts;

/// <summary>
/// Judges the canary against the champion on what happened since the step began (pure: numbers in,
/// verdict out). The rule, in order:
/// <list type="number">
/// <item>Health (Flagger's built-in checks): the canary fails when its 5xx rate is above MaxErrorRate or
/// its p99 above MaxP99Ms. With fewer than MinSamples canary requests it is inconclusive, unless the
/// errors already exceed what MinSamples requests may hold (a broken canary fails at once).</item>
/// <item>Online metric (metric <c>none</c> skips it): each arm needs MinSamples labelled predictions, else
/// inconclusive. The candidate is compared with the champion on accuracy (two-proportion z-test) or on
/// absolute errors (Mann–Whitney U, for mae/rmse). It fails only when the drop is both practically
/// relevant (more than MaxDrop: absolute for accuracy, relative for mae/rmse) and statistically significant
/// (p &lt; Alpha): Kayenta's effect size plus significance. A drop beyond MaxDrop that is not (yet)
/// significant is inconclusive — the step waits for more data rather than advancing on an observed
/// regression or rolling back on noise; a drop within MaxDrop passes.</item>
/// </list>
/// A failure anywhere fails; else anything inconclusive is inconclusive; else it passes.
/// </summary>
public static class RolloutAnalysis
{
    public const string NoMetric = "none";

    /// <summary>The online metrics a policy may name.</summary>
    public static readonly IReadOnlyList<string> Metrics = ["accuracy", "mae", "rmse", NoMetric];

    public static RolloutVerdict Judge(RolloutPolicy policy, ArmEvidence candidate, ArmEvidence champion)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(champion);
        var fails = new List<string>();
        var waits = new List<string>();
        var notes = new List<string>();
        Health(policy, candidate, fails, waits, notes);
        var (test, statistic, pValue, candidateMetric, championMetric) = Metric(policy, candidate, champion, fails, waits, notes);

        var outcome = fails.Count > 0 ? RolloutOutcome.Fail : waits.Count > 0 ? RolloutOutcome.Inconclusive : RolloutOutcome.Pass;
        var head = outcome switch
        {
            RolloutOutcome.Fail => "fail: " + string.Join("; ", fails),
            RolloutOutcome.Inconclusive => "inconclusive: " + string.Join("; ", waits),
            _ => "pass",
        };
        var numbers = new RolloutNumbers
        {
            Candidate = Arm(candidate, candidateMetric),
            Champion = Arm(champion, championMetric),
            Metric = policy.Metric,
            Test = test,
            Statistic = statistic,
            PValue = pValue,
            MaxDrop = policy.MaxDrop,
            Alpha = policy.Alpha,
            MaxErrorRate = policy.MaxErrorRate,
            MaxP99Ms = policy.MaxP99Ms,
            MinSamples = policy.MinSamples,
        };
        return new RolloutVerdict(outcome, head + " (" + string.Join("; ", notes) + ")", numbers);
    }

    private static void Health(RolloutPolicy policy, ArmEvidence candidate, List<string> fails, List<string> waits, List<string> notes)
    {
        var rate = candidate.Requests == 0 ? 0 : (double)candidate.Errors / candidate.Requests;
        notes.Add($"canary errors {candidate.Errors}/{candidate.Requests} = {Percent(rate)} (max {Percent(policy.MaxErrorRate)})");
        notes.Add($"canary p99 {Ms(candidate.P99Ms)} (max {F(policy.MaxP99Ms)} ms)");
        if (candidate.Errors > policy.MaxErrorRate * Math.Max(candidate.Requests, policy.MinSamples))
        {
            fails.Add($"canary error rate {Percent(rate)} above {Percent(policy.MaxErrorRate)}");
        }
        else if (candidate.Requests < policy.MinSamples)
        {
            waits.Add($"canary served {candidate.Requests} requests, fewer than min_samples {policy.MinSamples}");
            return;
        }

        if (candidate.P99Ms is { } p99 && p99 > policy.MaxP99Ms)
        {
            fails.Add($"canary p99 {Ms(p99)} above {F(policy.MaxP99Ms)} ms");
        }
    }

    private static (string? Test, double? Statistic, double? PValue, double? Candidate, double? Champion) Metric(
        RolloutPolicy policy, ArmEvidence candidate, ArmEvidence champion, List<string> fails, List<string> waits, List<string> notes)
    {
        if (policy.Metric == NoMetric)
        {
            return (null, null, null, null, null);
        }

        var accuracy = policy.Metric == "accuracy";
        double? c = candidate.Labelled == 0 ? null : accuracy ? (double)candidate.Correct / candidate.Labelled : Value(policy.Metric, candidate.AbsoluteErrors);
        double? b = champion.Labelled == 0 ? null : accuracy ? (double)champion.Correct / champion.Labelled : Value(policy.Metric, champion.AbsoluteErrors);
        notes.Add($"{policy.Metric} canary {Num(c)} (n={candidate.Labelled}) vs champion {Num(b)} (n={champion.Labelled})");
        if (candidate.Labelled < policy.MinSamples || champion.Labelled < policy.MinSamples)
        {
            waits.Add($"labelled predictions canary {candidate.Labelled}, champion {champion.Labelled}, each arm needs min_samples {policy.MinSamples}");
            return (null, null, null, c, b);
        }

        string test;
        double statistic, pValue, drop;
        if (accuracy)
        {
            test = "two-proportion-z";
            (statistic, pValue) = TwoProportionZTest.Test(candidate.Correct, candidate.Labelled, champion.Correct, champion.Labelled);
            drop = b!.Value - c!.Value;
        }
        else
        {
            test = "mann-whitney";
            (statistic, pValue) = MannWhitney.Test([.. candidate.AbsoluteErrors], [.. champion.AbsoluteErrors]);
            // Relative: an error metric has the label's unit, so a fixed absolute tolerance would mean nothing.
            drop = b!.Value == 0 ? (c!.Value == 0 ? 0 : double.PositiveInfinity) : (c!.Value - b.Value) / b.Value;
        }

        var what = accuracy ? "drop" : "relative increase";
        notes.Add($"{what} {F(drop)} (max {F(policy.MaxDrop)}), {test} statistic {F(statistic)}, p {F(pValue)} (alpha {F(policy.Alpha)})");
        if (drop > policy.MaxDrop && pValue < policy.Alpha)
        {
            fails.Add($"canary {policy.Metric} {Num(c)} worse than champion {Num(b)} by {F(drop)} > {F(policy.MaxDrop)}, significant (p {F(pValue)} < {F(policy.Alpha)})");
        }
        else if (drop > policy.MaxDrop)
        {
            waits.Add($"canary {policy.Metric} {Num(c)} worse than champion {Num(b)} by {F(drop)} > {F(policy.MaxDrop)} but not significant (p {F(pValue)} >= {F(policy.Alpha)}): waiting for more data");
        }

        return (test, statistic, pValue, c, b);
    }

    private static double Value(string metric, IReadOnlyList<double> errors) =>
        metric == "rmse" ? Math.Sqrt(errors.Average(e => e * e)) : errors.Average();

    private static RolloutArm Arm(ArmEvidence e, double? metric) => new()
    {
        Requests = e.Requests, Errors = e.Errors, P99Ms = e.P99Ms, Labelled = e.Labelled, MetricValue = metric,
    };

    // Small p-values matter (1e-12 is not 0): below 1e-4 they are written in scientific notation.
    private static string F(double value) =>
        value != 0 && Math.Abs(value) < 1e-4 ? value.ToString("0.##e0", CultureInfo.InvariantCulture) : value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Num(double? value) => value is { } v ? F(v) : "n/a";

    private static string Ms(double? value) => value is { } v ? F(v) + " ms" : "n/a";

    private static string Percent(double ratio) => (ratio * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
