using System.Globalization;
using Cairn.Core.Serving;
using Cairn.Serving.Hosting;
using Cairn.Serving.Inference;
using Cairn.Training;

namespace Cairn.Serving.Routing;

/// <summary>
/// A variant together with its loaded, warmed-up model and what the request path needs of it, computed
/// once here rather than per request: its features and outputs.
/// </summary>
public sealed class VariantTarget
{
    public VariantTarget(DeploymentVariant variant, LoadedModel model)
    {
        Variant = variant;
        Model = model;
        Features = FeatureSchema.From(model.Manifest);
        Outputs = model.Manifest.Task == ModelTask.Regression ? OipOutputs.Score : OipOutputs.Classifier;
        VersionText = model.Version.ToString(CultureInfo.InvariantCulture);
    }

    public DeploymentVariant Variant { get; }

    public LoadedModel Model { get; }

    public string Name => Variant.Name;

    /// <summary>The features a request must provide (from the model's input signature).</summary>
    public FeatureSchema Features { get; }

    /// <summary>The OIP outputs the model answers with.</summary>
    public OipOutputs Outputs { get; }

    /// <summary>The pinned model version as OIP's <c>model_version</c> string.</summary>
    public string VersionText { get; }
}
