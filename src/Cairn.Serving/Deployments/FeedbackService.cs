using Cairn.Core.Errors;
using Cairn.Core.Serving;

namespace Cairn.Serving.Deployments;

/// <summary>One piece of feedback as received: ground truth (<see cref="Actual"/>) and/or a business outcome with an optional value.</summary>
public sealed record FeedbackItem(string? RequestId, string? Actual, string? Outcome, double? Value);

/// <summary>Validates feedback for a deployment and stores it (latest wins per request id), stamped with the server's clock.</summary>
public sealed class FeedbackService(IFeedbackStore store, IDeploymentStore deployments, TimeProvider time)
{
    public const int MaxBatch = 1000;
    public const int MaxRequestIdLength = 128;
    public const int MaxActualLength = 1000;
    public const int MaxOutcomeLength = 256;

    public IFeedbackStore Store => store;

    /// <summary>Stores every item or none; an unknown deployment is RESOURCE_DOES_NOT_EXIST.</summary>
    public async Task<int> AddAsync(string? deployment, IReadOnlyList<FeedbackItem> items, bool batch, CancellationToken cancellationToken)
    {
        var name = DeploymentRules.Name(deployment);
        if (items.Count == 0)
        {
            throw CairnException.InvalidParameter("Invalid value for parameter 'feedback': give at least one item.");
        }

        if (items.Count > MaxBatch)
        {
            throw CairnException.InvalidParameter($"Invalid value for parameter 'feedback': at most {MaxBatch} items per request, got {items.Count}.");
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var checkedItems = items.Select((item, i) => Check(item, batch ? $"feedback[{i}]." : "", name, now)).ToList();
        if (await deployments.GetAsync(name, cancellationToken) is null)
        {
            throw CairnException.NotFound($"Deployment '{name}' does not exist.");
        }

        await store.AddAsync(checkedItems, cancellationToken);
        return checkedItems.Count;
    }

    private static Feedback Check(FeedbackItem item, string prefix, string deployment, long now)
    {
        if (string.IsNullOrEmpty(item.RequestId))
        {
            throw CairnException.MissingParameter(prefix + "request_id");
        }

        if (item.RequestId.Length > MaxRequestIdLength || item.RequestId.Any(char.IsControl))
        {
            throw CairnException.InvalidParameter($"Invalid value for parameter '{prefix}request_id': it must be 1-{MaxRequestIdLength} printable characters.");
        }

        if (item.Actual is null && item.Outcome is null)
        {
            throw CairnException.InvalidParameter($"Invalid value for parameter '{prefix}actual': give 'actual' (the true label or value) or 'outcome' (with an optional 'value').");
        }

        if (item.Actual is { Length: > MaxActualLength })
        {
            throw CairnException.InvalidParameter($"Invalid value for parameter '{prefix}actual': it is longer than {MaxActualLength} characters.");
        }

        if (item.Outcome is { } outcome && (outcome.Length is 0 or > MaxOutcomeLength))
        {
            throw CairnException.InvalidParameter($"Invalid value for parameter '{prefix}outcome': it must be 1-{MaxOutcomeLength} characters.");
        }

        if (item.Value is { } value && (item.Outcome is null || !double.IsFinite(value)))
        {
            throw CairnException.InvalidParameter($"Invalid value for parameter '{prefix}value': it must be a finite number and comes with an 'outcome'.");
        }

        return new Feedback { Deployment = deployment, RequestId = item.RequestId, Timestamp = now, Actual = item.Actual, Outcome = item.Outcome, Value = item.Value };
    }
}
