namespace Cairn.Pipelines.Triggers;

/// <summary>How often the hosted loop evaluates the applied pipelines' triggers.</summary>
public sealed record TriggerOptions
{
    /// <summary>Time between two evaluation passes (default 5 s).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>False turns the hosted loop off (tests call <see cref="TriggerService.EvaluateAsync"/> themselves).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Longest trigger text recorded with a run.</summary>
    public const int MaxTriggerLength = 500;
}
