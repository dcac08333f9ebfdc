using System.Text.Json;
using Cairn.Training.Baseline;
using Cairn.Training.Scoring;
using Cairn.Training.Views;

namespace Cairn.Training.Bundles;

/// <summary>A <see cref="BaselineModel"/> saved as baseline.json.</summary>
internal sealed class BaselinePayload(BaselineModel model) : BundlePayload
{
    public const string FileName = "baseline.json";

    public BaselineModel Model => model;

    public override ModelFlavor Flavor => ModelFlavor.Baseline;

    public override string EntryName => FileName;

    public static BaselinePayload Read(Stream stream) =>
        new(JsonSerializer.Deserialize(stream, BundleJsonContext.Default.BaselineModel)
            ?? throw new InvalidDataException($"{FileName} is empty."));

    public override void Write(Stream stream) => JsonSerializer.Serialize(stream, model, BundleJsonContext.Default.BaselineModel);

    public override IModelScorer CreateScorer(BundleManifest manifest) => new BaselineScorer(model, new ViewLayout(manifest.Inputs));
}
