namespace Cairn.Client.Predictions;

/// <summary>Optional parts of a prediction request.</summary>
public sealed record PredictOptions
{
    /// <summary>Also return the best k classes of each record.</summary>
    public int? TopK { get; init; }

    /// <summary>Abstain (no label) when the best class's probability is below this.</summary>
    public double? MinConfidence { get; init; }

    /// <summary>Sent as <c>X-Request-Id</c>; the server generates one when absent.</summary>
    public string? RequestId { get; init; }

    /// <summary>More headers, e.g. the deployment's sticky-key header (<c>X-User-Id</c>).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}
