namespace Cairn.Storage.Entities;

public sealed class ExecutionEntity
{
    public long Id { get; set; }
    public required string RunId { get; set; }
    public required string StepId { get; set; }
    public int Attempt { get; set; }
    public int State { get; set; }
    public string? CacheKey { get; set; }
    public string? Worker { get; set; }
    public long CreatedTime { get; set; }
    public long? StartTime { get; set; }
    public long? EndTime { get; set; }
    public string? Error { get; set; }
    public string? Log { get; set; }
    public string? LogPath { get; set; }
    public long? CachedFromExecutionId { get; set; }
    public string? MetricsJson { get; set; }
}
