using Cairn.Core.Errors;
using Cairn.Training.Baseline;
using Cairn.Training.Scoring;

namespace Cairn.Training.Bundles;

/// <summary>
/// A model and its manifest, as one unit that can be saved, loaded and scored. On disk it is a zip
/// holding <c>bundle.json</c> (<see cref="BundleManifest"/>) and the model file of its flavor:
/// <c>model.zip</c> (ML.NET), <c>model.onnx</c> (ONNX) or <c>baseline.json</c> (baseline).
/// See docs/model-bundle.md.
/// </summary>
public sealed partial class ModelBundle
{
    internal ModelBundle(BundleManifest manifest, BundlePayload payload)
    {
        if (manifest.Flavor != payload.Flavor)
        {
            throw new ArgumentException($"Manifest flavor {manifest.Flavor} does not match the model ({payload.Flavor}).", nameof(manifest));
        }

        Manifest = manifest;
        Payload = payload;
    }

    public BundleManifest Manifest { get; }

    internal BundlePayload Payload { get; }

    /// <summary>The baseline model when <see cref="BundleManifest.Flavor"/> is baseline.</summary>
    public BaselineModel? Baseline => (Payload as BaselinePayload)?.Model;

    /// <summary>The same model with another manifest (to attach metrics or a profile); the flavor cannot change.</summary>
    public ModelBundle WithManifest(BundleManifest manifest) => new(manifest, Payload);

    /// <summary>A thread-safe scorer; dispose it when done.</summary>
    public IModelScorer CreateScorer()
    {
        try
        {
            return Payload.CreateScorer(Manifest);
        }
        catch (Exception e) when (e is not CairnException)
        {
            throw new CairnException(ErrorCode.InvalidParameterValue, $"The {Manifest.Flavor} model cannot be loaded for scoring: {e.Message}", e);
        }
    }
}
