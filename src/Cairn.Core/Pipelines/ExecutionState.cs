namespace Cairn.Core.Pipelines;

/// <summary>The life of one step attempt (ML Metadata's execution states plus CACHED and CANCELED).</summary>
public enum ExecutionState
{
    New = 0,
    Running = 1,
    Complete = 2,
    Failed = 3,
    Cached = 4,
    Canceled = 5,
}

/// <summary>Wire names of <see cref="ExecutionState"/> (NEW, RUNNING, ...).</summary>
public static class ExecutionStates
{
    public static string ToWire(this ExecutionState state) => state switch
    {
        ExecutionState.New => "NEW",
        ExecutionState.Running => "RUNNING",
        ExecutionState.Complete => "COMPLETE",
        ExecutionState.Failed => "FAILED",
        ExecutionState.Cached => "CACHED",
        _ => "CANCELED",
    };

    /// <summary>COMPLETE or CACHED: the step's outputs exist and downstream steps may use them.</summary>
    public static bool IsDone(this ExecutionState state) => state is ExecutionState.Complete or ExecutionState.Cached;

    public static bool IsFinished(this ExecutionState state) => state is not (ExecutionState.New or ExecutionState.Running);
}
