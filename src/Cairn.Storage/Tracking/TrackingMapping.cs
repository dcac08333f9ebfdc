using System.Text.Json;
using Cairn.Core;
using Cairn.Core.Tracking;
using Cairn.Storage.Entities;

namespace Cairn.Storage.Tracking;

/// <summary>Entity → domain conversions for the tracking store.</summary>
internal static class TrackingMapping
{
    public static Experiment ToDomain(this ExperimentEntity e) => new()
    {
        ExperimentId = e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Name = e.Name,
        ArtifactLocation = e.ArtifactLocation,
        LifecycleStage = e.LifecycleStage,
        CreationTime = e.CreationTime,
        LastUpdateTime = e.LastUpdateTime,
        Tags = e.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new KeyValue(t.Key, t.Value)).ToList(),
    };

    public static RunInfo ToInfo(this RunEntity r) => new()
    {
        RunId = r.RunId,
        ExperimentId = r.ExperimentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        RunName = r.Name,
        UserId = r.UserId,
        Status = (RunStatus)r.Status,
        StartTime = r.StartTime,
        EndTime = r.EndTime,
        ArtifactUri = r.ArtifactUri,
        LifecycleStage = r.LifecycleStage,
    };

    public static Metric ToDomain(this LatestMetricEntity m) =>
        new(m.Key, m.IsNaN ? double.NaN : m.Value, m.Timestamp, m.Step);

    public static Metric ToDomain(this MetricEntity m) =>
        new(m.Key, m.IsNaN ? double.NaN : m.Value, m.Timestamp, m.Step)
        {
            ModelId = m.ModelId,
            DatasetName = m.DatasetName,
            DatasetDigest = m.DatasetDigest,
        };

    public static DatasetInput ToDomain(this RunDatasetInputEntity input)
    {
        var d = input.Dataset!;
        var tags = JsonSerializer.Deserialize(input.TagsJson, StorageJsonContext.Default.ListKeyValue) ?? [];
        return new DatasetInput(new Dataset(d.Name, d.Digest, d.SourceType, d.Source) { Schema = d.Schema, Profile = d.Profile }, tags);
    }

    public static string ToJson(IReadOnlyList<KeyValue> tags) =>
        JsonSerializer.Serialize(tags.ToList(), StorageJsonContext.Default.ListKeyValue);
}
