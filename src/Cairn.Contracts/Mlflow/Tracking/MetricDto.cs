namespace Cairn.Contracts.Mlflow.Tracking;

/// <summary>A metric point. Value may be NaN or ±Infinity (sent as strings).</summary>
public sealed record MetricDto
{
    public string? Key { get; init; }
    public double? Value { get; init; }
    public long? Timestamp { get; init; }
    public long? Step { get; init; }
    public string? RunId { get; init; }
    public string? ModelId { get; init; }
    public string? DatasetName { get; init; }
    public string? DatasetDigest { get; init; }
}
