namespace Cairn.Core.Tracking;

/// <summary>How many active runs an experiment has and when the latest of them started and ended (unix ms).</summary>
public sealed record ExperimentRunStats(string ExperimentId, int RunCount, long? LastStartTime, long? LastEndTime)
{
    /// <summary>The latest thing that happened in the experiment: a run starting or ending.</summary>
    public long? LastActivity => LastEndTime is { } end && end > (LastStartTime ?? 0) ? end : LastStartTime;
}
