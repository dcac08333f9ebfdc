namespace Cairn.Storage.Entities;

/// <summary>One change of a deployment with the variants after it. No foreign key: history outlives a deleted deployment.</summary>
public sealed class DeploymentEventEntity
{
    public long Id { get; set; }
    public required string Deployment { get; set; }
    public long Sequence { get; set; }
    public long Timestamp { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? Reason { get; set; }
    public required string VariantsJson { get; set; }
}
