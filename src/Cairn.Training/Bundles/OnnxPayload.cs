using Cairn.Training.Onnx;
using Cairn.Training.Scoring;

namespace Cairn.Training.Bundles;

/// <summary>An ONNX graph, scored with ONNX Runtime.</summary>
internal sealed class OnnxPayload(byte[] model) : BundlePayload
{
    public const string FileName = "model.onnx";

    public byte[] Model => model;

    public override ModelFlavor Flavor => ModelFlavor.Onnx;

    public override string EntryName => FileName;

    public override void Write(Stream stream) => stream.Write(model);

    public override IModelScorer CreateScorer(BundleManifest manifest) => new OnnxScorer(model, manifest);
}
