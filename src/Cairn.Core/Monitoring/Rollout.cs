using Cairn.Core.Serving;

namespace Cairn.Core.Monitoring;

/// <summary>
/// A progressive rollout of a candidate model version on a deployment: the candidate runs as the live
/// variant <see cref="CandidateVariant"/> next to the champion variant(s) it started with, moving through
/// <see cref="RolloutPolicy.Steps"/> while the controller's analyses pass. <see cref="Revision"/> increases
/// on every change so a pause and a concurrent analysis cannot overwrite each other.
/// </summary>
public sealed record Rollout
{
    public long Id { get; init; }
    public required string Deployment { get; init; }
    public required string Model { get; init; }
    public required long Version { get; init; }

    /// <summary>The name of the candidate's variant in the deployment (<c>canary</c> unless taken).</summary>
    public required string CandidateVariant { get; init; }

    /// <summary>The live variants serving before the rollout started (with their weights then).</summary>
    public required IReadOnlyList<DeploymentVariant> Champions { get; init; }

    /// <summary>The deployment event that added the candidate; the one before it is the state a rollback restores.</summary>
    public long StartEventSequence { get; init; }

    public required RolloutPolicy Policy { get; init; }
    public RolloutState State { get; init; } = RolloutState.Progressing;

    /// <summary>Index into <see cref="RolloutPolicy.Steps"/> of the current step.</summary>
    public int StepIndex { get; init; }

    /// <summary>The candidate's current traffic percentage.</summary>
    public int Weight { get; init; }

    /// <summary>When the current step began (UTC ms): analyses look at what happened since.</summary>
    public long StepStartedAt { get; init; }

    /// <summary>Failed analyses so far (reset when a step passes).</summary>
    public int Failures { get; init; }

    /// <summary>Analyses without enough data so far at this step (reset when a step passes or on resume).</summary>
    public int Inconclusive { get; init; }

    public required string Actor { get; init; }
    public required string Trigger { get; init; }
    public long CreatedAt { get; init; }
    public long UpdatedAt { get; init; }
    public long Revision { get; init; }

    /// <summary>Progressing or Paused: the deployment has a candidate under rollout.</summary>
    public bool IsActive => State is RolloutState.Progressing or RolloutState.Paused;
}

/// <summary>Where a rollout is: moving, waiting for a human, or finished one way or another.</summary>
public enum RolloutState
{
    Progressing,
    Paused,
    Promoted,
    RolledBack,
    Aborted,
}
