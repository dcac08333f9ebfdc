namespace Cairn.Core.Tracking;

/// <summary>Run states; the numeric values are MLflow's proto enum values so clients may send either.</summary>
public enum RunStatus
{
    Running = 1,
    Scheduled = 2,
    Finished = 3,
    Failed = 4,
    Killed = 5,
}
