using System.Collections.Concurrent;
using Cairn.Serving.Metrics;

namespace Cairn.Monitoring.Rollouts;

/// <summary>
/// The serving counters of each rollout's deployment when its current step began. They live in this
/// process's memory, like the counters: after a restart the controller finds none, takes new ones and
/// restarts the step's window (recorded as a hold).
/// </summary>
public sealed class RolloutBaselines
{
    private readonly ConcurrentDictionary<long, Baseline> _baselines = new();

    public void Set(long rolloutId, long stepStartedAt, IReadOnlyDictionary<string, VariantTraffic> traffic) =>
        _baselines[rolloutId] = new Baseline(stepStartedAt, traffic);

    /// <summary>The counters taken when the step that began at <paramref name="stepStartedAt"/> began, if this process took them.</summary>
    public IReadOnlyDictionary<string, VariantTraffic>? Get(long rolloutId, long stepStartedAt) =>
        _baselines.TryGetValue(rolloutId, out var b) && b.StepStartedAt == stepStartedAt ? b.Traffic : null;

    public void Remove(long rolloutId) => _baselines.TryRemove(rolloutId, out _);

    private sealed record Baseline(long StepStartedAt, IReadOnlyDictionary<string, VariantTraffic> Traffic);
}
