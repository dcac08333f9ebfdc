using System.Globalization;
using Cairn.Core;
using Cairn.Core.LoggedModels;
using Cairn.Core.Tracking;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.LoggedModels;

/// <summary>Entity to domain mapping, and the metrics a logged model shows (those runs logged with its model_id).</summary>
internal static class LoggedModelMapping
{
    public static LoggedModel ToDomain(LoggedModelEntity entity, IReadOnlyList<Metric> metrics) => new()
    {
        ModelId = entity.ModelId,
        ExperimentId = entity.ExperimentId.ToString(CultureInfo.InvariantCulture),
        Name = entity.Name,
        CreationTimestampMs = entity.CreationTimestampMs,
        LastUpdatedTimestampMs = entity.LastUpdatedTimestampMs,
        ArtifactUri = entity.ArtifactUri,
        Status = (LoggedModelStatus)entity.Status,
        ModelType = entity.ModelType,
        SourceRunId = entity.SourceRunId,
        Tags = [.. entity.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new KeyValue(t.Key, t.Value))],
        Params = [.. entity.Params.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new KeyValue(p.Key, p.Value))],
        Metrics = metrics,
    };

    /// <summary>
    /// The latest value (highest step, then timestamp) per metric key and dataset for each model. Only the
    /// latest values are shown, as a run's data shows them; the full history stays on the run.
    /// </summary>
    public static async Task<Dictionary<string, IReadOnlyList<Metric>>> LoadLatestMetricsAsync(
        MetadataContext db, IReadOnlyCollection<string> modelIds, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, List<Metric>>(StringComparer.Ordinal);
        foreach (var chunk in modelIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            // Streamed in group order so only one row per group is kept, however long the histories are.
            var rows = db.Metrics
                .Where(m => m.ModelId != null && chunk.Contains(m.ModelId))
                .OrderBy(m => m.ModelId).ThenBy(m => m.Key).ThenBy(m => m.DatasetName).ThenBy(m => m.DatasetDigest)
                .ThenByDescending(m => m.Step).ThenByDescending(m => m.Timestamp).ThenByDescending(m => m.Id)
                .AsAsyncEnumerable();
            (string?, string?, string?, string?) previous = default;
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                var group = (row.ModelId, row.Key, row.DatasetName, row.DatasetDigest);
                if (group == previous)
                {
                    continue;
                }

                previous = group;
                if (!latest.TryGetValue(row.ModelId!, out var list))
                {
                    latest[row.ModelId!] = list = [];
                }

                list.Add(ToMetric(row));
            }
        }

        var result = new Dictionary<string, IReadOnlyList<Metric>>(StringComparer.Ordinal);
        foreach (var (modelId, list) in latest)
        {
            result[modelId] = [.. list.OrderBy(m => m.Key, StringComparer.Ordinal).ThenBy(m => m.DatasetName, StringComparer.Ordinal)];
        }

        return result;
    }

    private static Metric ToMetric(MetricEntity m) =>
        new(m.Key, m.IsNaN ? double.NaN : m.Value, m.Timestamp, m.Step)
        {
            RunId = m.RunId,
            ModelId = m.ModelId,
            DatasetName = m.DatasetName,
            DatasetDigest = m.DatasetDigest,
        };
}
