namespace Cairn.Storage.Entities;

public sealed class PipelineRunEntity
{
    public required string RunId { get; set; }
    public long PipelineVersionId { get; set; }
    public PipelineVersionEntity PipelineVersion { get; set; } = null!;
    public required string ParamsJson { get; set; }
    public required string Trigger { get; set; }
    public bool NoCache { get; set; }
    public int Status { get; set; }
    public long CreatedTime { get; set; }
    public long? EndTime { get; set; }
    public string? Error { get; set; }
    public string? TrackingRunId { get; set; }
}
