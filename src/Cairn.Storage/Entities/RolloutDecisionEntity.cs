namespace Cairn.Storage.Entities;

/// <summary>One decision of a rollout; the analysis numbers are a JSON document (null for a human's action).</summary>
public sealed class RolloutDecisionEntity
{
    public long Id { get; set; }
    public long RolloutId { get; set; }
    public long Timestamp { get; set; }
    public int Step { get; set; }
    public int Weight { get; set; }
    public required string Action { get; set; }
    public required string Actor { get; set; }
    public required string Reason { get; set; }
    public string? NumbersJson { get; set; }
}
