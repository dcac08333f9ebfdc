namespace Cairn.Core.Tracking;

/// <summary>A run's attributes (MLflow's RunInfo).</summary>
public sealed record RunInfo
{
    public required string RunId { get; init; }
    public required string ExperimentId { get; init; }
    public required string RunName { get; init; }
    public string? UserId { get; init; }
    public RunStatus Status { get; init; }
    public long StartTime { get; init; }
    public long? EndTime { get; init; }
    public required string ArtifactUri { get; init; }
    public required string LifecycleStage { get; init; }
}
