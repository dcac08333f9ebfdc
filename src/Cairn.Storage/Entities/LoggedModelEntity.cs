namespace Cairn.Storage.Entities;

/// <summary>A logged model row. Deletion is soft (<see cref="LifecycleStage"/>) so model versions that point here keep their lineage.</summary>
public sealed class LoggedModelEntity
{
    public required string ModelId { get; set; }
    public long ExperimentId { get; set; }
    public required string Name { get; set; }
    public required string ArtifactUri { get; set; }
    public int Status { get; set; }
    public string? ModelType { get; set; }
    public string? SourceRunId { get; set; }
    public long CreationTimestampMs { get; set; }
    public long LastUpdatedTimestampMs { get; set; }
    public required string LifecycleStage { get; set; }
    public List<LoggedModelTagEntity> Tags { get; set; } = [];
    public List<LoggedModelParamEntity> Params { get; set; } = [];
}
