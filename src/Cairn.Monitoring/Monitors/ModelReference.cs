using Cairn.Data.Profiling;
using Cairn.Serving.Inference;
using Cairn.Training.Bundles;

namespace Cairn.Monitoring.Monitors;

/// <summary>
/// What a monitor compares a model version's traffic with: its manifest (task, label, class labels), the
/// features requests carry (date parts collapsed into their column, as serving sees them) and the
/// training profile (null for models registered without one, e.g. imported ONNX).
/// </summary>
public sealed record ModelReference(BundleManifest Manifest, FeatureSchema Features, DatasetProfile? Profile)
{
    /// <summary>Classification when the model has class labels; regression otherwise.</summary>
    public bool IsClassification => Manifest.ClassLabels.Count > 0;
}
