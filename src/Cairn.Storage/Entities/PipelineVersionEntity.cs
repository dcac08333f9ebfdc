namespace Cairn.Storage.Entities;

public sealed class PipelineVersionEntity
{
    public long Id { get; set; }
    public long PipelineId { get; set; }
    public PipelineEntity Pipeline { get; set; } = null!;
    public required string SpecHash { get; set; }
    public required string SpecText { get; set; }
    public long CreatedTime { get; set; }
}
