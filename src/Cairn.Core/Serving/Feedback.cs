namespace Cairn.Core.Serving;

/// <summary>
/// Ground truth (<see cref="Actual"/>: the true label or value) or a business outcome
/// (<see cref="Outcome"/>, e.g. <c>purchased</c> with <see cref="Value"/> 1) attached to a request id,
/// possibly days after the prediction. The latest feedback for a request wins.
/// </summary>
public sealed record Feedback
{
    public required string Deployment { get; init; }
    public required string RequestId { get; init; }
    public required long Timestamp { get; init; }
    public string? Actual { get; init; }
    public string? Outcome { get; init; }
    public double? Value { get; init; }
}
