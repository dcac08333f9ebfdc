namespace Cairn.Storage.Entities;

/// <summary>The latest point per (run, key) — highest step, then timestamp — kept beside the history so searches and run reads are one lookup.</summary>
public sealed class LatestMetricEntity
{
    public required string RunId { get; set; }
    public required string Key { get; set; }
    public double Value { get; set; }
    public bool IsNaN { get; set; }
    public long Timestamp { get; set; }
    public long Step { get; set; }
}
