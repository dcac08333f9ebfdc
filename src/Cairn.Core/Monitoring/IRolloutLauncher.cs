namespace Cairn.Core.Monitoring;

/// <summary>
/// Starts a progressive rollout of a model version on a deployment (a canary that moves through traffic
/// steps under automatic analysis). Implemented by Cairn.Monitoring; the pipeline's deploy step calls it
/// without knowing about serving.
/// </summary>
public interface IRolloutLauncher
{
    /// <summary>Starts the rollout and returns its id; a deployment has at most one active rollout (RESOURCE_CONFLICT otherwise).</summary>
    Task<long> StartAsync(RolloutStart start, CancellationToken cancellationToken);
}

/// <summary>
/// What to roll out where. A null policy takes the defaults (steps 10/25/50/100, see docs/rollouts.md).
/// <paramref name="Trigger"/> says why (e.g. <c>pipeline:seattle-weather run 12</c>).
/// </summary>
public sealed record RolloutStart(string Deployment, string Model, long Version, RolloutPolicy? Policy, string Actor, string Trigger);

/// <summary>The steps and the analysis gates of a rollout (Flagger / Argo Rollouts practice).</summary>
public sealed record RolloutPolicy
{
    /// <summary>Canary traffic percentages, ascending, ending at 100.</summary>
    public IReadOnlyList<int> Steps { get; init; } = [10, 25, 50, 100];

    /// <summary>Time at least spent at each step before it is analysed, in seconds.</summary>
    public double IntervalSeconds { get; init; } = 60;

    /// <summary>Labelled (or served, for the error/latency checks) requests each arm needs at a step before a decision.</summary>
    public int MinSamples { get; init; } = 100;

    /// <summary>Highest canary error rate (5xx / requests), a ratio.</summary>
    public double MaxErrorRate { get; init; } = 0.01;

    /// <summary>Highest canary p99 latency in milliseconds.</summary>
    public double MaxP99Ms { get; init; } = 500;

    /// <summary>The online metric compared with the champion (accuracy, or rmse/mae for regression).</summary>
    public string Metric { get; init; } = "accuracy";

    /// <summary>How much worse than the champion the canary may be before the test counts it as a regression.</summary>
    public double MaxDrop { get; init; } = 0.02;

    /// <summary>Significance level of the statistical test.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Failed analyses tolerated before rolling back (Flagger's threshold).</summary>
    public int FailureLimit { get; init; } = 1;

    /// <summary>Analyses without enough data before the rollout pauses as inconclusive.</summary>
    public int InconclusiveLimit { get; init; } = 10;
}
