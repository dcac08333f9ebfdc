using Cairn.Core.Pipelines;

namespace Cairn.Server.Ui.Pages.Pipelines;

/// <summary>
/// The states the DAG and the steps table show, in the words a user reads: an execution's state (or the
/// lack of one: the step has not been reached yet) becomes succeeded, cached, running, failed, skipped or pending.
/// </summary>
public static class StepStates
{
    public const string Succeeded = "succeeded";
    public const string Cached = "cached";
    public const string Running = "running";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
    public const string Pending = "pending";

    /// <summary>Every state in the legend's order, with what it means.</summary>
    public static IReadOnlyList<(string State, string Meaning)> Legend { get; } =
    [
        (Succeeded, "ran and completed"),
        (Cached, "reused the outputs of an earlier identical execution"),
        (Running, "executing now"),
        (Failed, "failed (see its error and log)"),
        (Skipped, "not run: canceled, or an upstream step failed"),
        (Pending, "waiting for its upstream steps or a worker"),
    ];

    /// <summary>The display state of a step whose latest attempt is <paramref name="state"/> (null: no attempt yet).</summary>
    public static string Of(ExecutionState? state) => state switch
    {
        ExecutionState.Complete => Succeeded,
        ExecutionState.Cached => Cached,
        ExecutionState.Running => Running,
        ExecutionState.Failed => Failed,
        ExecutionState.Canceled => Skipped,
        _ => Pending,
    };
}
