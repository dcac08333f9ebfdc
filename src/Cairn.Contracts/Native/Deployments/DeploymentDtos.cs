using System.Text.Json;

namespace Cairn.Contracts.Native.Deployments;

/// <summary>
/// A variant on the wire. In requests give exactly one of <c>version</c> or <c>alias</c>; answers always
/// carry the pinned <c>version</c> (and the alias it was resolved from). <c>mode</c> is <c>live</c> (default) or <c>shadow</c>.
/// </summary>
public sealed record DeploymentVariantDto(string? Name, string? Model, long? Version = null, string? Alias = null, int? Weight = null, string? Mode = null);

/// <summary>POST /api/v1/deployments.</summary>
public sealed record CreateDeploymentRequest(
    string? Name, List<DeploymentVariantDto>? Variants, string? Description = null, string? StickyKey = null, string? Reason = null);

/// <summary>A deployment: <c>status</c> is ACTIVE or PAUSED; <c>revision</c> increases on every change.</summary>
public sealed record DeploymentDto(
    string Name,
    string? Description,
    string? StickyKey,
    string Status,
    List<DeploymentVariantDto> Variants,
    long CreationTimestamp,
    long LastUpdatedTimestamp,
    long Revision);

public sealed record DeploymentResponse(DeploymentDto Deployment);

public sealed record ListDeploymentsResponse(List<DeploymentDto> Deployments);

/// <summary>PATCH /api/v1/deployments/{name} (and PUT .../variants): only the fields given change; an empty sticky_key removes it.</summary>
public sealed record UpdateDeploymentRequest(
    List<DeploymentVariantDto>? Variants = null, string? Description = null, string? StickyKey = null, long? Revision = null, string? Reason = null);

/// <summary>POST .../set-weights: live weights by variant name (unnamed live variants get 0; they must sum to 100).</summary>
public sealed record SetWeightsRequest(Dictionary<string, int>? Weights, long? Revision = null, string? Reason = null);

/// <summary>POST .../promote: the variant gets 100% of live traffic; other live variants are removed unless <c>keep_others</c>.</summary>
public sealed record PromoteRequest(string? Variant, bool? KeepOthers = null, long? Revision = null, string? Reason = null);

/// <summary>POST .../rollback: back to the previous variants, or to those of event <c>to_sequence</c>.</summary>
public sealed record RollbackRequest(long? ToSequence = null, long? Revision = null, string? Reason = null);

/// <summary>POST .../pause, .../resume and DELETE bodies (all optional).</summary>
public sealed record DeploymentChangeRequest(long? Revision = null, string? Reason = null);

/// <summary>One change of a deployment: who, when (UTC ms), what (<c>action</c>), why, and the variants after it.</summary>
public sealed record DeploymentEventDto(long Sequence, long Timestamp, string Actor, string Action, string? Reason, List<DeploymentVariantDto> Variants);

public sealed record ListDeploymentEventsResponse(List<DeploymentEventDto> Events);

/// <summary>
/// Feedback for one request: <c>actual</c> (the true label or value: string, number or boolean) and/or an
/// <c>outcome</c> (e.g. "purchased") with an optional numeric <c>value</c>.
/// </summary>
public sealed record FeedbackItemDto(string? RequestId, JsonElement? Actual = null, string? Outcome = null, double? Value = null);

/// <summary>POST .../feedback: one item (its fields at the top level) or a batch in <c>feedback</c>.</summary>
public sealed record FeedbackRequest(
    string? RequestId = null, JsonElement? Actual = null, string? Outcome = null, double? Value = null, List<FeedbackItemDto>? Feedback = null);

public sealed record FeedbackResponse(int Accepted);
