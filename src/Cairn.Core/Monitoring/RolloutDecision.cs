namespace Cairn.Core.Monitoring;

/// <summary>
/// One decision of a rollout (by the controller or a person): what was done at which step and why, with
/// the numbers the analysis saw (null for a human's pause, resume or abort).
/// </summary>
public sealed record RolloutDecision
{
    public long Id { get; init; }
    public long RolloutId { get; init; }
    public long Timestamp { get; init; }

    /// <summary>The step index the decision was taken at.</summary>
    public int Step { get; init; }

    /// <summary>The candidate's weight after the decision.</summary>
    public int Weight { get; init; }

    public RolloutAction Action { get; init; }
    public required string Actor { get; init; }
    public required string Reason { get; init; }
    public RolloutNumbers? Numbers { get; init; }
}

/// <summary>What a decision did.</summary>
public enum RolloutAction
{
    Start,
    Advance,
    Promote,
    Hold,
    Pause,
    Resume,
    Rollback,
    Abort,
}

/// <summary>What one arm (the candidate, or the champion variants together) did since the step began.</summary>
public sealed record RolloutArm
{
    public long Requests { get; init; }

    /// <summary>Answers with a 5xx status.</summary>
    public long Errors { get; init; }

    public double ErrorRate => Requests == 0 ? 0 : (double)Errors / Requests;

    /// <summary>p99 latency in ms from the latency histogram (null without requests).</summary>
    public double? P99Ms { get; init; }

    /// <summary>Logged predictions that have ground-truth feedback.</summary>
    public long Labelled { get; init; }

    /// <summary>The online metric over the labelled predictions (accuracy, or mae/rmse), null without labels.</summary>
    public double? MetricValue { get; init; }
}

/// <summary>The numbers behind an analysis: both arms, the test and the thresholds it was judged against.</summary>
public sealed record RolloutNumbers
{
    public required RolloutArm Candidate { get; init; }
    public required RolloutArm Champion { get; init; }
    public required string Metric { get; init; }

    /// <summary><c>two-proportion-z</c> or <c>mann-whitney</c>; null when the test did not run (not enough labels).</summary>
    public string? Test { get; init; }

    public double? Statistic { get; init; }
    public double? PValue { get; init; }
    public double MaxDrop { get; init; }
    public double Alpha { get; init; }
    public double MaxErrorRate { get; init; }
    public double MaxP99Ms { get; init; }
    public int MinSamples { get; init; }
}
