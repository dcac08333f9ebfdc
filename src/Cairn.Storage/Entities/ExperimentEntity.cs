namespace Cairn.Storage.Entities;

public sealed class ExperimentEntity
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string ArtifactLocation { get; set; }
    public required string LifecycleStage { get; set; }
    public long CreationTime { get; set; }
    public long LastUpdateTime { get; set; }
    public List<ExperimentTagEntity> Tags { get; set; } = [];
}
