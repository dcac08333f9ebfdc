namespace Cairn.Core.Tracking;

/// <summary>What a caller supplies to create a run.</summary>
public sealed record NewRun
{
    public required string ExperimentId { get; init; }
    public string? UserId { get; init; }
    public string? RunName { get; init; }
    public long? StartTime { get; init; }
    public IReadOnlyList<KeyValue> Tags { get; init; } = [];
}
