namespace Cairn.Storage.Entities;

/// <summary>A deployment's monitor config; the drift overrides are a JSON document.</summary>
public sealed class MonitorConfigEntity
{
    public required string Deployment { get; set; }
    public double? IntervalSeconds { get; set; }
    public long? Last { get; set; }
    public double? WindowSeconds { get; set; }
    public string? Variant { get; set; }
    public required string DriftJson { get; set; }
    public long? LastRunAt { get; set; }
    public long UpdatedAt { get; set; }
}
