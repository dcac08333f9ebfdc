namespace Cairn.Serving.Inference;

/// <summary>A decoded records request: rows, the request id (if sent), the sticky key, top_k and min_confidence.</summary>
public sealed class RecordsRequest(string? id, FeatureBatch batch, string? stickyKey, int? topK, double? minConfidence)
{
    public string? Id { get; } = id;

    public FeatureBatch Batch { get; } = batch;

    public string? StickyKey { get; } = stickyKey;

    public int? TopK { get; } = topK;

    public double? MinConfidence { get; } = minConfidence;
}
