using Cairn.Training.Bundles;
using Cairn.Training.Scoring;

namespace Cairn.Serving.Hosting;

/// <summary>A model version loaded into this process: its manifest (signature) and a thread-safe scorer.</summary>
public sealed class LoadedModel(string model, long version, BundleManifest manifest, IModelScorer scorer, TimeSpan loadTime)
{
    public string Model { get; } = model;
    public long Version { get; } = version;
    public BundleManifest Manifest { get; } = manifest;
    public IModelScorer Scorer { get; } = scorer;

    /// <summary>Download, load and warm-up time.</summary>
    public TimeSpan LoadTime { get; } = loadTime;
}
