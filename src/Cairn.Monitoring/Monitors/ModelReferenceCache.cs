using System.Collections.Concurrent;
using Cairn.Core.Artifacts;
using Cairn.Core.Errors;
using Cairn.Core.Registry;
using Cairn.Data.Serialization;
using Cairn.Serving.Inference;
using Cairn.Training.Bundles;

namespace Cairn.Monitoring.Monitors;

/// <summary>
/// Reads a model version's bundle manifest the way the model host does (registry → version source →
/// artifact store → bundle) and parses its training profile once per version: a registered version's
/// bundle never changes, and the profile (samples of every column) is the costly part to parse.
/// Concurrent first reads share one load; a failed load is forgotten so the next run tries again.
/// </summary>
public sealed class ModelReferenceCache(IRegistryStore registry, IArtifactStore artifacts)
{
    private readonly ConcurrentDictionary<(string Model, long Version), Lazy<Task<ModelReference>>> _entries = new();

    public async Task<ModelReference> GetAsync(string model, long version, CancellationToken cancellationToken)
    {
        var key = (model, version);
        var entry = _entries.GetOrAdd(key, k => new Lazy<Task<ModelReference>>(() => LoadAsync(k.Model, k.Version)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            _entries.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    /// <summary>Not tied to one caller's token: callers sharing the load must not fail because one gave up.</summary>
    private async Task<ModelReference> LoadAsync(string model, long version)
    {
        var cancellationToken = CancellationToken.None;
        var registered = await registry.GetModelVersionAsync(model, version, cancellationToken);
        var path = ArtifactUri.TryGetStorePath(registered.Source, "source")
            ?? throw new CairnException(ErrorCode.InvalidState,
                $"Model '{model}' version {version} has source '{registered.Source}'; only '{ArtifactUri.Scheme}:/' bundles have a training profile to monitor against.");
        ModelBundle bundle;
        await using (var stream = await artifacts.OpenReadAsync(path, cancellationToken)
            ?? throw new CairnException(ErrorCode.InvalidState, $"Model '{model}' version {version}: no bundle at '{path}'."))
        {
            bundle = await ModelBundle.LoadAsync(stream, cancellationToken);
        }

        var manifest = bundle.Manifest;
        var profile = manifest.TrainingProfile is { } json ? DataJson.ParseProfile(json.GetRawText()) : null;
        return new ModelReference(manifest, FeatureSchema.From(manifest), profile);
    }
}
