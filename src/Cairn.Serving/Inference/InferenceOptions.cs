namespace Cairn.Serving.Inference;

/// <summary>Limits and queues of the inference endpoints (see docs/serving.md, Inference).</summary>
public sealed class InferenceOptions
{
    /// <summary>The largest request body accepted by the inference endpoints (413 above).</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Shadow scorings waiting for the background scorer; further copies are dropped (and counted).</summary>
    public int ShadowQueueCapacity { get; set; } = 1024;
}
