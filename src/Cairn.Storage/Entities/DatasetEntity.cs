namespace Cairn.Storage.Entities;

/// <summary>A dataset logged through MLflow's log-inputs, unique per experiment by name and digest.</summary>
public sealed class DatasetEntity
{
    public long Id { get; set; }
    public long ExperimentId { get; set; }
    public required string Name { get; set; }
    public required string Digest { get; set; }
    public required string SourceType { get; set; }
    public required string Source { get; set; }
    public string? Schema { get; set; }
    public string? Profile { get; set; }
}
