namespace Cairn.Storage.Entities;

/// <summary>A pipeline spec the server keeps so its triggers can run it later (one per pipeline name).</summary>
public sealed class AppliedPipelineEntity
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string SpecText { get; set; }
    public required string FileName { get; set; }
    public string? WorkingDirectory { get; set; }
    public required string ParamsJson { get; set; }
    public long AppliedTime { get; set; }
    public List<PipelineTriggerEntity> Triggers { get; set; } = [];
}
