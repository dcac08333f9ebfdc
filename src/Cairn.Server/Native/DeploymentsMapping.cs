using System.Globalization;
using System.Text.Json;
using Cairn.Contracts.Native.Deployments;
using Cairn.Core.Errors;
using Cairn.Core.Serving;
using Cairn.Serving.Deployments;

namespace Cairn.Server.Native;

/// <summary>Wire ↔ domain records of the deployments API.</summary>
internal static class DeploymentsMapping
{
    public static DeploymentDto ToDto(Deployment d) => new(
        d.Name, d.Description, d.StickyKey, d.Status == DeploymentStatus.Paused ? "PAUSED" : "ACTIVE",
        d.Variants.Select(ToDto).ToList(), d.CreationTimestamp, d.LastUpdatedTimestamp, d.Revision);

    public static DeploymentVariantDto ToDto(DeploymentVariant v) =>
        new(v.Name, v.Model, v.Version, v.Alias, v.Weight, v.Mode == VariantMode.Shadow ? "shadow" : "live");

    public static DeploymentEventDto ToDto(DeploymentEvent e) =>
        new(e.Sequence, e.Timestamp, e.Actor, e.Action, e.Reason, e.Variants.Select(ToDto).ToList());

    public static IReadOnlyList<VariantSpec>? ToSpecs(List<DeploymentVariantDto>? variants) =>
        variants?.Select((v, i) => v is null ? null! : new VariantSpec
        {
            Name = v.Name, Model = v.Model, Version = v.Version, Alias = v.Alias, Weight = v.Weight, Mode = Mode(v.Mode, $"variants[{i}].mode"),
        }).ToList();

    /// <summary>The single item at the top level, or the batch in <c>feedback</c> (not both).</summary>
    public static (IReadOnlyList<FeedbackItem> Items, bool Batch) ToFeedback(FeedbackRequest request)
    {
        if (request.Feedback is { } batch)
        {
            if (request.RequestId is not null || request.Actual is not null || request.Outcome is not null || request.Value is not null)
            {
                throw CairnException.InvalidParameter("Invalid request body: give either one item (request_id, actual|outcome, value) or a 'feedback' list, not both.");
            }

            return (batch.Select((f, i) => f is null
                ? throw CairnException.InvalidParameter($"Invalid value for parameter 'feedback[{i}]': an item must be an object.")
                : new FeedbackItem(f.RequestId, Actual(f.Actual, $"feedback[{i}].actual"), f.Outcome, f.Value)).ToList(), true);
        }

        return ([new FeedbackItem(request.RequestId, Actual(request.Actual, "actual"), request.Outcome, request.Value)], false);
    }

    private static VariantMode Mode(string? mode, string field) => mode?.ToLowerInvariant() switch
    {
        null or "live" => VariantMode.Live,
        "shadow" => VariantMode.Shadow,
        _ => throw CairnException.InvalidParameter($"Invalid value '{mode}' for parameter '{field}': it must be 'live' or 'shadow'."),
    };

    /// <summary>The true label or value as text: a string as is, a number in its JSON spelling, a boolean as true/false.</summary>
    private static string? Actual(JsonElement? actual, string field) => actual switch
    {
        null => null,
        { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.TryGetDouble(out var d) && double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : n.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => throw CairnException.InvalidParameter($"Invalid value for parameter '{field}': it must be a string, a number or a boolean."),
    };
}
