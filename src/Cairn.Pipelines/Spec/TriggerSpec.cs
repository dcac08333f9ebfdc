using Cronos;

namespace Cairn.Pipelines.Spec;

/// <summary>
/// One entry of a spec's <c>triggers:</c> list: what starts a run of the pipeline without anyone asking.
/// <see cref="Key"/> is the SHA-256 of the entry's canonical JSON, so re-applying an unchanged trigger
/// keeps its state. <see cref="Params"/> override the applied params for the runs it starts.
/// </summary>
public abstract record TriggerSpec
{
    public string Key { get; init; } = "";

    public string Description { get; init; } = "";

    /// <summary>The entry as JSON (what the API shows).</summary>
    public string DefinitionJson { get; init; } = "";

    public SpecLocation Location { get; init; }

    /// <summary>No refire within this time after a fire.</summary>
    public TimeSpan Cooldown { get; init; } = TriggerDefaults.Cooldown;

    public IReadOnlyDictionary<string, string> Params { get; init; } = new Dictionary<string, string>();

    /// <summary><c>cron</c>, <c>data</c>, <c>drift</c> or <c>performance</c>.</summary>
    public abstract string Kind { get; }
}

/// <summary>Fires at each occurrence of a cron expression (UTC; five fields, or six with seconds).</summary>
public sealed record CronTriggerSpec(string Expression, CronExpression Cron) : TriggerSpec
{
    public override string Kind => "cron";
}

/// <summary>Fires when a new version of the named dataset appears.</summary>
public sealed record DataTriggerSpec(string Dataset) : TriggerSpec
{
    public override string Kind => "data";
}

/// <summary>
/// Fires when the deployment's monitor reports show drift: dataset-level drift by default, or a drift share
/// of at least <see cref="Share"/>, or <see cref="Feature"/> drifted, or prediction drift — in
/// <see cref="Reports"/> consecutive reports (the debounce).
/// </summary>
public sealed record DriftTriggerSpec(string Deployment, string? Variant, double? Share, string? Feature, bool Prediction, int Reports) : TriggerSpec
{
    public override string Kind => "drift";
}

/// <summary>Fires when a live metric of the deployment's monitor reports is below (or above) a threshold in <see cref="Reports"/> consecutive reports with enough labels.</summary>
public sealed record PerformanceTriggerSpec(string Deployment, string? Variant, string Metric, double? Below, double? Above, long MinLabelled, int Reports) : TriggerSpec
{
    public override string Kind => "performance";
}

/// <summary>Defaults of the trigger options.</summary>
public static class TriggerDefaults
{
    public static readonly TimeSpan Cooldown = TimeSpan.FromHours(1);

    public const int Reports = 1;

    public const long MinLabelled = 1;
}
