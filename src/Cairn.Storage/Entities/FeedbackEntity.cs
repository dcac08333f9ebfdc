namespace Cairn.Storage.Entities;

/// <summary>Feedback for one request of one deployment; the key makes a repeated request id replace the older row.</summary>
public sealed class FeedbackEntity
{
    public required string Deployment { get; set; }
    public required string RequestId { get; set; }
    public long Timestamp { get; set; }
    public string? Actual { get; set; }
    public string? Outcome { get; set; }
    public double? Value { get; set; }
}
