using Cairn.Core.Serving;
using Cairn.Serving.Routing;
using Cairn.Training.Scoring;

namespace Cairn.Serving.Inference;

/// <summary>Hands answered rows to the prediction log: one record per row, inputs as a view (boxed only when the writer reads them).</summary>
internal static class PredictionLogging
{
    public static void Record(
        IPredictionLog log, DeploymentRoute route, VariantTarget target, FeatureBatch batch, PredictionBatch predictions,
        string requestId, long timestamp, TimeSpan latency, bool shadow)
    {
        if (log is NullPredictionLog)
        {
            return;
        }

        var classes = predictions.ClassLabels.Count;
        var micros = (long)latency.TotalMicroseconds;
        for (var row = 0; row < batch.Rows; row++)
        {
            double[]? probabilities = null;
            if (predictions.Labels is not null)
            {
                probabilities = new double[classes];
                predictions.ProbabilitiesOf(row).CopyTo(probabilities);
            }

            log.TryRecord(new PredictionRecord
            {
                Deployment = route.Name,
                Variant = target.Name,
                Model = target.Model.Model,
                Version = target.Model.Version,
                RequestId = batch.Rows == 1 ? requestId : requestId + "/" + row.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Timestamp = timestamp,
                Shadow = shadow,
                Inputs = batch.Row(row),
                Label = predictions.Labels?[row],
                Score = predictions.Scores[row],
                Probabilities = probabilities,
                LatencyMicros = micros,
            });
        }
    }
}
