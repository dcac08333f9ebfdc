namespace Cairn.Core.Tracking;

/// <summary>
/// Metrics, params and tags written atomically to one run. Params are immutable: a different value
/// for a logged key rejects the whole batch.
/// </summary>
public sealed record LogBatch(
    string RunId,
    IReadOnlyList<Metric> Metrics,
    IReadOnlyList<KeyValue> Params,
    IReadOnlyList<KeyValue> Tags);
