using System.Diagnostics;
using Cairn.Core.Serving;
using Cairn.Serving.Metrics;
using Cairn.Serving.Routing;
using Cairn.Training.Scoring;

namespace Cairn.Serving.Inference;

/// <summary>
/// The protocol-independent part of answering a request: scoring with the chosen variant, then recording
/// it (prediction log, metrics) and handing shadow copies to the background scorer — none of which waits.
/// </summary>
public sealed class InferenceService(DeploymentRouter router, IPredictionLog log, IServingMetrics metrics, ShadowScorer shadows, TimeProvider time)
{
    public DeploymentRouter Router { get; } = router;

    /// <summary>Scores every row with the variant's model.</summary>
    public static PredictionBatch Score(VariantTarget target, FeatureBatch batch) => target.Model.Scorer.Score(batch.ToTable());

    /// <summary>Records one answered request (after the response body is written) and queues its shadow copies.</summary>
    public void Answered(DeploymentRoute route, VariantTarget target, FeatureBatch batch, PredictionBatch predictions,
        string requestId, long startedTimestamp, string protocol)
    {
        var elapsed = Stopwatch.GetElapsedTime(startedTimestamp);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        PredictionLogging.Record(log, route, target, batch, predictions, requestId, now, elapsed, shadow: false);
        metrics.RecordRequest(route.Name, target.Name, protocol, 200, elapsed.TotalSeconds);
        if (route.Shadows.Count > 0)
        {
            shadows.TryEnqueue(new ShadowWork(route, batch, requestId, now));
        }
    }

    /// <summary>Counts a refused request of a known deployment (unknown names are not labels: they are unbounded).</summary>
    public void Refused(DeploymentRoute route, VariantTarget? target, string protocol, int status, long startedTimestamp) =>
        metrics.RecordRequest(route.Name, target?.Name ?? "", protocol, status, Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds);
}
