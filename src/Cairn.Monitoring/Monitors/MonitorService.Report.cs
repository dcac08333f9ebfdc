using Cairn.Core.Monitoring;
using Cairn.Core.Serving;
using Cairn.Monitoring.Drift;
using Cairn.Serving.Inference;
using Cairn.Serving.PredictionLog;

namespace Cairn.Monitoring.Monitors;

/// <summary>Building one variant's report from its window of the prediction log.</summary>
public sealed partial class MonitorService
{
    private async Task<MonitorReport> BuildReportAsync(
        string deployment, DeploymentVariant variant, MonitorWindow window, DriftOptions options, CancellationToken cancellationToken)
    {
        var reference = await references.GetAsync(variant.Model, variant.Version, cancellationToken);
        // Datetime features are not drift-tested (Evidently treats the datetime column as the index), so they are not read either; the report lists them as skipped.
        var features = reference.Features.Features.Where(f => f.Kind != FeatureKind.DateTime).Select(f => f.Name).ToList();
        var columns = await log.ReadAsync(
            new PredictionLogQuery
            {
                Deployment = deployment,
                From = window.From,
                To = window.To,
                Last = window.Last is { } last ? (int)last : null,
                Features = features,
                Outputs = PredictionOutputs.All,
                Variant = variant.Name,
                // A shadow variant's traffic is all shadow records; a live variant's excludes the shadows it never answered.
                IncludeShadow = variant.Mode == VariantMode.Shadow,
            },
            cancellationToken);

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var feedbackById = columns.RowCount == 0
            ? new Dictionary<string, Feedback>()
            : await feedback.GetAsync(deployment, columns.RequestIds, cancellationToken);
        return new MonitorReport
        {
            Deployment = deployment,
            Variant = variant.Name,
            Model = variant.Model,
            Version = variant.Version,
            CreatedAt = now,
            WindowStart = window.From ?? (columns.RowCount > 0 ? columns.Timestamps.Min() : window.To),
            WindowEnd = window.To,
            Rows = columns.RowCount,
            FeatureDrift = MonitorDrift.Features(reference, columns, options),
            PredictionDrift = MonitorDrift.Prediction(reference, columns, options),
            Performance = MonitorPerformance.Compute(reference, columns, feedbackById),
            Health = MonitorPerformance.Health(columns),
        };
    }
}
