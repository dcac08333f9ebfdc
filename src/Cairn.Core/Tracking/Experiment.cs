namespace Cairn.Core.Tracking;

/// <summary>A named group of runs. Ids are numeric strings for MLflow compatibility; "0" is "Default".</summary>
public sealed record Experiment
{
    public required string ExperimentId { get; init; }
    public required string Name { get; init; }
    public required string ArtifactLocation { get; init; }
    public required string LifecycleStage { get; init; }
    public long CreationTime { get; init; }
    public long LastUpdateTime { get; init; }
    public IReadOnlyList<KeyValue> Tags { get; init; } = [];
}
