using System.Globalization;
using Cairn.Core.Monitoring;
using Cairn.Core.Serving;
using Cairn.Serving.Metrics;
using Cairn.Serving.PredictionLog;

namespace Cairn.Monitoring.Rollouts;

/// <summary>
/// Gathers what the canary and the champions did since a step began. Requests, 5xx answers and p99 come
/// from the serving metrics (the difference to the copy taken when the step began): they count every
/// answered request, failures included, which the prediction log does not (it records successful
/// predictions only, possibly sampled). The online metric comes from the prediction log since the step
/// began joined with feedback by request id (the log holds each prediction's variant and output). At a
/// 100% step the champions get no traffic, so their side of the metric is what they did since the rollout
/// started (the candidate is still judged on the step alone).
/// </summary>
public sealed class RolloutEvidenceReader(ServingMetrics metrics, PredictionLogReader log, IFeedbackStore feedback)
{
    private const int FeedbackBatch = 500;

    /// <summary>The counters now, to be kept as the next step's baseline.</summary>
    public IReadOnlyDictionary<string, VariantTraffic> Traffic(string deployment) => metrics.TrafficOf(deployment);

    public async Task<(ArmEvidence Candidate, ArmEvidence Champion)> ReadAsync(
        Rollout rollout, IReadOnlyDictionary<string, VariantTraffic> baseline, CancellationToken cancellationToken)
    {
        var now = metrics.TrafficOf(rollout.Deployment);
        VariantTraffic Delta(string variant) =>
            now.GetValueOrDefault(variant, VariantTraffic.Empty).Minus(baseline.GetValueOrDefault(variant, VariantTraffic.Empty));
        var candidateTraffic = Delta(rollout.CandidateVariant);
        var championTraffic = rollout.Champions.Aggregate(VariantTraffic.Empty, (sum, c) => sum.Plus(Delta(c.Name)));

        var labels = rollout.Policy.Metric == RolloutAnalysis.NoMetric
            ? new Dictionary<string, Labelled>()
            : await LabelledAsync(rollout, cancellationToken);
        var champions = rollout.Champions.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var championLabels = labels.Where(l => champions.Contains(l.Key)).Aggregate(new Labelled(), (sum, l) => sum.Add(l.Value));
        return (
            Arm(candidateTraffic, labels.GetValueOrDefault(rollout.CandidateVariant) ?? new Labelled()),
            Arm(championTraffic, championLabels));
    }

    private static ArmEvidence Arm(VariantTraffic traffic, Labelled labelled) => new()
    {
        Requests = traffic.Requests,
        Errors = traffic.Errors,
        P99Ms = traffic.Quantile(0.99) * 1000,
        Labelled = labelled.Count,
        Correct = labelled.Correct,
        AbsoluteErrors = labelled.AbsoluteErrors,
    };

    /// <summary>Labelled live predictions per variant since the step began.</summary>
    private async Task<Dictionary<string, Labelled>> LabelledAsync(Rollout rollout, CancellationToken cancellationToken)
    {
        var classification = rollout.Policy.Metric == "accuracy";
        var championsIdle = rollout.Weight >= 100;
        var champions = rollout.Champions.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var rows = await log.ReadAsync(new PredictionLogQuery
        {
            Deployment = rollout.Deployment,
            From = championsIdle ? Math.Min(rollout.CreatedAt, rollout.StepStartedAt) : rollout.StepStartedAt,
            Features = [],
            Outputs = classification ? PredictionOutputs.Label : PredictionOutputs.Score,
            IncludeShadow = false,
        }, cancellationToken);
        var result = new Dictionary<string, Labelled>(StringComparer.Ordinal);
        for (var start = 0; start < rows.RowCount; start += FeedbackBatch)
        {
            var count = Math.Min(FeedbackBatch, rows.RowCount - start);
            var ids = rows.RequestIds.AsSpan(start, count).ToArray();
            var found = await feedback.GetAsync(rollout.Deployment, ids, cancellationToken);
            for (var i = start; i < start + count; i++)
            {
                var variant = rows.Variants[i];
                var inWindow = rows.Timestamps[i] >= rollout.StepStartedAt || (championsIdle && champions.Contains(variant));
                if (!inWindow || !found.TryGetValue(rows.RequestIds[i], out var f) || f.Actual is not { } actual)
                {
                    continue;
                }

                var arm = result.TryGetValue(variant, out var a) ? a : result[variant] = new Labelled();
                if (classification)
                {
                    arm.Observe(string.Equals(rows.Labels![i], actual, StringComparison.Ordinal));
                }
                else if (double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value - rows.Scores![i]))
                {
                    arm.Observe(Math.Abs(rows.Scores![i] - value));
                }
            }
        }

        return result;
    }

    /// <summary>Labelled predictions of one arm.</summary>
    private sealed class Labelled
    {
        public long Count { get; private set; }

        public long Correct { get; private set; }

        public List<double> AbsoluteErrors { get; } = [];

        public void Observe(bool correct)
        {
            Count++;
            Correct += correct ? 1 : 0;
        }

        public void Observe(double absoluteError)
        {
            Count++;
            AbsoluteErrors.Add(absoluteError);
        }

        public Labelled Add(Labelled other)
        {
            Count += other.Count;
            Correct += other.Correct;
            AbsoluteErrors.AddRange(other.AbsoluteErrors);
            return this;
        }
    }
}
