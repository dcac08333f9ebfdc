using Cairn.Training.Scoring;
using Cairn.Training.Views;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Cairn.Training.Bundles;

/// <summary>An ML.NET transformer chain (featurization + trainer), saved as ML.NET's own model.zip.</summary>
internal sealed class MlNetPayload(ITransformer model, DataViewSchema inputSchema) : BundlePayload
{
    public const string FileName = "model.zip";

    public ITransformer Model => model;

    public DataViewSchema InputSchema => inputSchema;

    public override ModelFlavor Flavor => ModelFlavor.MlNet;

    public override string EntryName => FileName;

    public static MlNetPayload Read(Stream seekable)
    {
        var ml = new MLContext();
        // ML.NET finds model loaders in assemblies it has seen; in a process that only serves, the
        // tree trainers' assemblies may not be loaded yet, so they are registered explicitly.
        ml.ComponentCatalog.RegisterAssembly(typeof(LightGbmBinaryModelParameters).Assembly);
        ml.ComponentCatalog.RegisterAssembly(typeof(FastTreeBinaryModelParameters).Assembly);
        var model = ml.Model.Load(seekable, out var schema);
        return new MlNetPayload(model, schema);
    }

    public override void Write(Stream stream) => new MLContext().Model.Save(model, inputSchema, stream);

    public override IModelScorer CreateScorer(BundleManifest manifest) =>
        new MlNetScorer(model, new ViewLayout(manifest.Inputs), manifest.Task, manifest.ClassLabels);
}
