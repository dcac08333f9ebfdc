namespace Cairn.Contracts.Mlflow.Tracking;

public sealed record ExperimentDto
{
    public required string ExperimentId { get; init; }
    public required string Name { get; init; }
    public string? ArtifactLocation { get; init; }
    public string? LifecycleStage { get; init; }
    public long? LastUpdateTime { get; init; }
    public long? CreationTime { get; init; }
    public IReadOnlyList<KeyValueDto>? Tags { get; init; }
}
