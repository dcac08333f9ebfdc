using System.Collections.Concurrent;
using System.Diagnostics;
using Cairn.Core.Artifacts;
using Cairn.Core.Errors;
using Cairn.Registry;
using Cairn.Serving.Hosting;
using Cairn.Training.Bundles;

namespace Cairn.Testing.Deployments;

/// <summary>
/// A plain IModelHost for these tests when the server has none registered yet: it really downloads the
/// version's bundle from the artifact store, loads it and scores one row to warm it up. Counts loads.
/// </summary>
public sealed class BundleModelHost(RegistryService registry, IArtifactStore artifacts) : IModelHost
{
    private const string Scheme = "mlflow-artifacts:/";
    private readonly ConcurrentDictionary<(string, long), Lazy<Task<LoadedModel>>> _models = new();

    private int _loads;

    /// <summary>How many versions were really loaded (a second deployment of a version must not load it again).</summary>
    public int Loads => Volatile.Read(ref _loads);

    public IReadOnlyCollection<LoadedModel> Loaded =>
        [.. _models.Values.Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully).Select(l => l.Value.Result)];

    public async ValueTask<LoadedModel> GetAsync(string model, long version, CancellationToken cancellationToken)
    {
        var lazy = _models.GetOrAdd((model, version), key => new Lazy<Task<LoadedModel>>(() => LoadAsync(key.Item1, key.Item2)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (CairnException)
        {
            _models.TryRemove((model, version), out _);
            throw;
        }
    }

    public bool TryGetReady(string model, long version, out LoadedModel? loaded)
    {
        loaded = _models.TryGetValue((model, version), out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully ? lazy.Value.Result : null;
        return loaded is not null;
    }

    public void Unload(string model, long version) => _models.TryRemove((model, version), out _);

    private async Task<LoadedModel> LoadAsync(string model, long version)
    {
        var watch = Stopwatch.StartNew();
        var found = await registry.GetModelVersionAsync(model, version.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
        if (!found.Source.StartsWith(Scheme, StringComparison.Ordinal))
        {
            throw new CairnException(ErrorCode.InvalidState, $"source '{found.Source}' is not in the artifact store");
        }

        await using var stream = await artifacts.OpenReadAsync(found.Source[Scheme.Length..], CancellationToken.None)
            ?? throw new CairnException(ErrorCode.InvalidState, $"the bundle at '{found.Source}' is missing");
        ModelBundle bundle;
        try
        {
            bundle = await ModelBundle.LoadAsync(stream, CancellationToken.None);
        }
        catch (Exception e) when (e is not CairnException)
        {
            throw new CairnException(ErrorCode.InvalidState, $"the bundle at '{found.Source}' cannot be loaded: {e.Message}", e);
        }

        var scorer = bundle.CreateScorer();
        scorer.Score(bundle.Manifest.Inputs.ToDictionary(f => f.Name, _ => (object?)1.0));
        Interlocked.Increment(ref _loads);
        return new LoadedModel(model, version, bundle.Manifest, scorer, watch.Elapsed);
    }
}
