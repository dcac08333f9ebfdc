namespace Cairn.Storage.Entities;

public sealed class LineageEventEntity
{
    public long Id { get; set; }
    public long ExecutionId { get; set; }
    public long ArtifactId { get; set; }
    public int Kind { get; set; }
    public required string Slot { get; set; }
}
