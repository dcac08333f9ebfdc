using Cairn.Core.Tracking;

namespace Cairn.Core.LoggedModels;

/// <summary>
/// An MLflow 3.x logged model: a model's artifacts under its own URI, produced by an optional source run,
/// with tags, params and the metrics that runs logged against it (latest value per key and dataset).
/// </summary>
public sealed record LoggedModel
{
    public required string ModelId { get; init; }
    public required string ExperimentId { get; init; }
    public required string Name { get; init; }
    public long CreationTimestampMs { get; init; }
    public long LastUpdatedTimestampMs { get; init; }
    public required string ArtifactUri { get; init; }
    public LoggedModelStatus Status { get; init; }
    public string? ModelType { get; init; }
    public string? SourceRunId { get; init; }
    public IReadOnlyList<KeyValue> Tags { get; init; } = [];
    public IReadOnlyList<KeyValue> Params { get; init; } = [];
    public IReadOnlyList<Metric> Metrics { get; init; } = [];
}
