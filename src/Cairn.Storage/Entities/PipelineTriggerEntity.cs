namespace Cairn.Storage.Entities;

/// <summary>One trigger of an applied pipeline: its definition and its evaluation state.</summary>
public sealed class PipelineTriggerEntity
{
    public long Id { get; set; }
    public long AppliedPipelineId { get; set; }
    public int Position { get; set; }
    public required string Key { get; set; }
    public required string Kind { get; set; }
    public required string Description { get; set; }
    public required string DefinitionJson { get; set; }
    public long? LastEvaluated { get; set; }
    public long? LastFired { get; set; }
    public string? LastRunId { get; set; }
    public long? CooldownUntil { get; set; }
    public string? LastReason { get; set; }
    public long? LastReportId { get; set; }
    public int Streak { get; set; }
    public string? LastDatasetVersion { get; set; }
    public long? Cursor { get; set; }
}
