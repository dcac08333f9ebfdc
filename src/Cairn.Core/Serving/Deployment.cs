namespace Cairn.Core.Serving;

/// <summary>
/// An application-facing prediction endpoint ("churn-risk"). Which model versions answer is behind it:
/// its <see cref="Variants"/>. <see cref="Revision"/> increases on every change, so concurrent writers
/// cannot overwrite each other (a stale revision is rejected).
/// </summary>
public sealed record Deployment
{
    public required string Name { get; init; }
    public string? Description { get; init; }

    /// <summary>
    /// Where the key for sticky assignment comes from: <c>header:X-User-Id</c> or <c>field:user_id</c>;
    /// null means every request is assigned at random by weight.
    /// </summary>
    public string? StickyKey { get; init; }

    public DeploymentStatus Status { get; init; } = DeploymentStatus.Active;
    public required IReadOnlyList<DeploymentVariant> Variants { get; init; }
    public long CreationTimestamp { get; init; }
    public long LastUpdatedTimestamp { get; init; }
    public long Revision { get; init; }
}
