namespace Cairn.Monitoring.Rollouts;

/// <summary>How often the rollout controller looks for steps due for analysis (configuration <c>Cairn:Rollouts</c>).</summary>
public sealed class RolloutControllerOptions
{
    public const string Section = "Cairn:Rollouts";

    /// <summary>When false no background loop runs (TickAsync still works, e.g. from tests).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between two passes; a step is analysed on the first pass after its interval has elapsed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The actor recorded on automatic decisions.</summary>
    public string Actor { get; set; } = "rollout-controller";
}
