namespace Cairn.Core.Serving;

/// <summary>
/// One answered prediction (or one shadow answer), as handed to the prediction log. Inputs are the
/// decoded feature values (double, long, string, bool, DateTime or null) after redaction; the writer
/// lays them out as one column per feature so drift jobs read them column-wise.
/// </summary>
public sealed record PredictionRecord
{
    public required string Deployment { get; init; }
    public required string Variant { get; init; }
    public required string Model { get; init; }
    public required long Version { get; init; }
    public required string RequestId { get; init; }

    /// <summary>UTC milliseconds.</summary>
    public required long Timestamp { get; init; }

    public bool Shadow { get; init; }
    public required IReadOnlyDictionary<string, object?> Inputs { get; init; }

    /// <summary>Predicted label (classification) or null.</summary>
    public string? Label { get; init; }

    /// <summary>Predicted value (regression) or the probability of the predicted/positive class.</summary>
    public double Score { get; init; }

    /// <summary>Class probabilities in the model's class-label order (classification) or null.</summary>
    public IReadOnlyList<double>? Probabilities { get; init; }

    /// <summary>Decoding plus model time, in microseconds (not network time).</summary>
    public long LatencyMicros { get; init; }
}
