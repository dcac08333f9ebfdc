namespace Cairn.Client.Predictions;

/// <summary>
/// Ground truth (<see cref="Actual"/>) or a business outcome (<see cref="Outcome"/> with an optional
/// <see cref="Value"/>) for an earlier prediction, joined on its request id.
/// </summary>
public sealed record FeedbackRequest
{
    /// <summary>The request id of the prediction (the response's <c>request_id</c>).</summary>
    public required string RequestId { get; init; }

    /// <summary>The true label or value.</summary>
    public string? Actual { get; init; }

    /// <summary>A business outcome, e.g. <c>purchased</c>.</summary>
    public string? Outcome { get; init; }

    /// <summary>The outcome's value, e.g. 1 or an amount.</summary>
    public double? Value { get; init; }
}
