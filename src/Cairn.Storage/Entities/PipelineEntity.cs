namespace Cairn.Storage.Entities;

public sealed class PipelineEntity
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public long CreatedTime { get; set; }
    public long LastRunTime { get; set; }
}
