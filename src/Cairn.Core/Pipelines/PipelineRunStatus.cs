namespace Cairn.Core.Pipelines;

/// <summary>The state of a whole pipeline run.</summary>
public enum PipelineRunStatus
{
    Running = 0,
    Complete = 1,
    Failed = 2,
    Canceled = 3,
}

/// <summary>Wire names of <see cref="PipelineRunStatus"/>.</summary>
public static class PipelineRunStatuses
{
    public static string ToWire(this PipelineRunStatus status) => status switch
    {
        PipelineRunStatus.Running => "RUNNING",
        PipelineRunStatus.Complete => "COMPLETE",
        PipelineRunStatus.Failed => "FAILED",
        _ => "CANCELED",
    };

    public static bool IsFinished(this PipelineRunStatus status) => status != PipelineRunStatus.Running;
}
