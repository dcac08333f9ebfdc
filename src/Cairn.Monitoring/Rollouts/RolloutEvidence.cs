namespace Cairn.Monitoring.Rollouts;

/// <summary>
/// What one arm did since the step began: served requests, 5xx answers and p99 latency (from the
/// serving metrics), and the labelled predictions (the prediction log joined with feedback): how many,
/// how many were right (classification) and the absolute errors (regression).
/// </summary>
public sealed record ArmEvidence
{
    public long Requests { get; init; }
    public long Errors { get; init; }
    public double? P99Ms { get; init; }
    public long Labelled { get; init; }

    /// <summary>Labelled predictions equal to the actual label (classification).</summary>
    public long Correct { get; init; }

    /// <summary>|prediction − actual| per labelled prediction (regression).</summary>
    public IReadOnlyList<double> AbsoluteErrors { get; init; } = [];

    public static ArmEvidence Empty { get; } = new();
}

/// <summary>How an analysis came out.</summary>
public enum RolloutOutcome
{
    Pass,
    Fail,
    Inconclusive,
}

/// <summary>The outcome, a one-line reason with the numbers, and the numbers themselves.</summary>
public sealed record RolloutVerdict(RolloutOutcome Outcome, string Reason, Cairn.Core.Monitoring.RolloutNumbers Numbers);
