namespace Cairn.Serving.PredictionLog;

/// <summary>
/// What a drift or performance job reads: one deployment, a time window [<see cref="From"/>,
/// <see cref="To"/>) in UTC milliseconds and/or the newest <see cref="Last"/> records, and only the
/// columns it names.
/// </summary>
public sealed record PredictionLogQuery
{
    public required string Deployment { get; init; }

    /// <summary>Inclusive lower bound (UTC ms); null = from the beginning.</summary>
    public long? From { get; init; }

    /// <summary>Exclusive upper bound (UTC ms); null = up to now.</summary>
    public long? To { get; init; }

    /// <summary>Keep only the newest N records of the window; null = all.</summary>
    public int? Last { get; init; }

    /// <summary>Input features to read; null = every feature found, empty = none.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>Output columns to read besides request id, timestamp, variant and shadow (always read).</summary>
    public PredictionOutputs Outputs { get; init; } = PredictionOutputs.All;

    /// <summary>Only this variant's records; null = all variants.</summary>
    public string? Variant { get; init; }

    /// <summary>Whether shadow variants' records are included.</summary>
    public bool IncludeShadow { get; init; } = true;
}

/// <summary>Optional output columns of a <see cref="PredictionLogQuery"/>.</summary>
[Flags]
public enum PredictionOutputs
{
    None = 0,

    /// <summary>model and version.</summary>
    Model = 1,
    Label = 2,
    Score = 4,
    Probabilities = 8,
    Latency = 16,
    All = Model | Label | Score | Probabilities | Latency,
}
