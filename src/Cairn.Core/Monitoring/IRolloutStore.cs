namespace Cairn.Core.Monitoring;

/// <summary>Rollouts and their decisions (the metadata store).</summary>
public interface IRolloutStore
{
    /// <summary>
    /// Stores a new rollout with its first decision in one transaction. A deployment has at most one
    /// active (Progressing or Paused) rollout: another one is RESOURCE_CONFLICT.
    /// </summary>
    Task<Rollout> CreateAsync(Rollout rollout, RolloutDecision started, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the rollout's new state with the decision that led to it, if the stored revision is still
    /// <paramref name="expectedRevision"/> (RESOURCE_CONFLICT otherwise).
    /// </summary>
    Task<Rollout> UpdateAsync(Rollout rollout, long expectedRevision, RolloutDecision decision, CancellationToken cancellationToken);

    Task<Rollout?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>The active rollout of the deployment, else its newest one; null when it never had one.</summary>
    Task<Rollout?> CurrentAsync(string deployment, CancellationToken cancellationToken);

    /// <summary>Rollouts newest first, of one deployment or all.</summary>
    Task<IReadOnlyList<Rollout>> ListAsync(string? deployment, int maxResults, CancellationToken cancellationToken);

    /// <summary>Rollouts in the Progressing state (what the controller analyses).</summary>
    Task<IReadOnlyList<Rollout>> ListProgressingAsync(CancellationToken cancellationToken);

    /// <summary>The decisions of a rollout, oldest first.</summary>
    Task<IReadOnlyList<RolloutDecision>> ListDecisionsAsync(long rolloutId, CancellationToken cancellationToken);
}
