using Cairn.Training.Scoring;

namespace Cairn.Training.Bundles;

/// <summary>The model file inside a bundle and how to score with it.</summary>
internal abstract class BundlePayload
{
    public abstract ModelFlavor Flavor { get; }

    /// <summary>The zip entry name: model.zip, model.onnx or baseline.json.</summary>
    public abstract string EntryName { get; }

    public abstract void Write(Stream stream);

    public abstract IModelScorer CreateScorer(BundleManifest manifest);
}
