namespace Cairn.Serving.Inference;

/// <summary>A decoded OIP inference request: the rows, the request id (if sent), the sticky key and the outputs asked for.</summary>
public sealed class OipRequest(string? id, FeatureBatch batch, string? stickyKey, OipOutputs outputs)
{
    public string? Id { get; } = id;

    public FeatureBatch Batch { get; } = batch;

    public string? StickyKey { get; } = stickyKey;

    public OipOutputs Outputs { get; } = outputs;
}
