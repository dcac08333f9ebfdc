namespace Cairn.Storage.Entities;

public sealed class RunEntity
{
    public required string RunId { get; set; }
    public long ExperimentId { get; set; }
    public required string Name { get; set; }
    public string? UserId { get; set; }
    public int Status { get; set; }
    public long StartTime { get; set; }
    public long? EndTime { get; set; }
    public required string ArtifactUri { get; set; }
    public required string LifecycleStage { get; set; }
    public long? DeletedTime { get; set; }
    public List<ParamEntity> Params { get; set; } = [];
    public List<RunTagEntity> Tags { get; set; } = [];
    public List<LatestMetricEntity> LatestMetrics { get; set; } = [];
    public List<RunDatasetInputEntity> DatasetInputs { get; set; } = [];
}
