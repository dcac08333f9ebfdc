namespace Cairn.Core.Serving;

/// <summary>
/// One recorded change of a deployment: who, when, what and why, and the variants after it, so the
/// history alone tells how production got to where it is.
/// </summary>
public sealed record DeploymentEvent
{
    public required string Deployment { get; init; }
    public long Sequence { get; init; }
    public long Timestamp { get; init; }
    public required string Actor { get; init; }

    /// <summary>create, update, set_weights, promote, rollback, pause, resume, delete.</summary>
    public required string Action { get; init; }

    public string? Reason { get; init; }
    public required IReadOnlyList<DeploymentVariant> Variants { get; init; }
}
