namespace Cairn.Core.Tracking;

/// <summary>One metric observation. The full history is kept; a run's "latest" value is the highest step, then timestamp.</summary>
public sealed record Metric(string Key, double Value, long Timestamp, long Step)
{
    public string? RunId { get; init; }
    public string? ModelId { get; init; }
    public string? DatasetName { get; init; }
    public string? DatasetDigest { get; init; }
}
