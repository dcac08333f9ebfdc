namespace Cairn.Storage.Entities;

/// <summary>
/// One point of a metric's history. NaN is stored as <see cref="IsNaN"/> with Value 0, because SQLite
/// turns a NaN REAL into NULL; ±Infinity are stored as they are.
/// </summary>
public sealed class MetricEntity
{
    public long Id { get; set; }
    public required string RunId { get; set; }
    public required string Key { get; set; }
    public double Value { get; set; }
    public bool IsNaN { get; set; }
    public long Timestamp { get; set; }
    public long Step { get; set; }
    public string? ModelId { get; set; }
    public string? DatasetName { get; set; }
    public string? DatasetDigest { get; set; }
}
