using System.Collections.Concurrent;
using Cairn.Core.Artifacts;
using Cairn.Core.Errors;
using Cairn.Core.Registry;
using Cairn.Serving.Metrics;
using Cairn.Training.Bundles;
using Cairn.Training.Scoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cairn.Serving.Hosting;

/// <summary>
/// Loads registered model versions (registry → version source → artifact store → bundle → scorer), warms
/// them up and keeps one copy per process. Concurrent requests for a version that is loading share that
/// one load (single flight); a failed load is forgotten so the next request tries again. Reads on the
/// request path (<see cref="TryGetReady"/>) take no lock.
/// </summary>
public sealed class ModelHost : IModelHost, IDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<ModelKey, Entry> _entries = [];
    private readonly ConcurrentDictionary<ModelKey, LoadedModel> _ready = new();
    private readonly IRegistryStore _registry;
    private readonly IArtifactStore _artifacts;
    private readonly IServingMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ModelHostOptions _options;
    private readonly ILogger<ModelHost> _logger;
    private readonly CancellationTokenSource _disposed = new();
    private readonly CancellationToken _stopping;

    public ModelHost(
        IRegistryStore registry, IArtifactStore artifacts, IServingMetrics metrics, TimeProvider time,
        IOptions<ModelHostOptions> options, ILogger<ModelHost> logger)
    {
        _registry = registry;
        _artifacts = artifacts;
        _metrics = metrics;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _stopping = _disposed.Token;
    }

    public IReadOnlyCollection<LoadedModel> Loaded => [.. _ready.Values];

    public ValueTask<LoadedModel> GetAsync(string model, long version, CancellationToken cancellationToken)
    {
        var key = new ModelKey(model, version);
        if (_ready.TryGetValue(key, out var ready))
        {
            return ValueTask.FromResult(ready);
        }

        Entry entry;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries[key] = entry;

                // The load belongs to no caller: one caller giving up must not fail the others sharing it.
                entry.Load = Task.Run(() => LoadAsync(key, entry, _stopping), CancellationToken.None);
            }
        }

        return new ValueTask<LoadedModel>(entry.Load.WaitAsync(cancellationToken));
    }

    public bool TryGetReady(string model, long version, out LoadedModel? loaded) =>
        _ready.TryGetValue(new ModelKey(model, version), out loaded);

    public void Unload(string model, long version)
    {
        var key = new ModelKey(model, version);
        Entry? entry;
        lock (_gate)
        {
            if (!_entries.Remove(key, out entry))
            {
                return;
            }

            _ready.TryRemove(key, out _);
        }

        _logger.LogInformation("Unloading model {Model} version {Version}", model, version);
        _ = DisposeLaterAsync(entry);
    }

    public void Dispose()
    {
        List<Entry> entries;
        lock (_gate)
        {
            if (_disposed.IsCancellationRequested)
            {
                return;
            }

            _disposed.Cancel();
            entries = [.. _entries.Values];
            _entries.Clear();
            _ready.Clear();
        }

        foreach (var entry in entries)
        {
            if (entry.Load.IsCompletedSuccessfully)
            {
                entry.Load.GetAwaiter().GetResult().Scorer.Dispose();
            }
        }

    }

    private async Task<LoadedModel> LoadAsync(ModelKey key, Entry entry, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        try
        {
            var bundle = await ReadBundleAsync(key, cancellationToken);
            var scorer = bundle.CreateScorer();
            try
            {
                WarmUp(key, bundle.Manifest, scorer);
            }
            catch
            {
                scorer.Dispose();
                throw;
            }

            var elapsed = _time.GetElapsedTime(started);
            var loaded = new LoadedModel(key.Model, key.Version, bundle.Manifest, scorer, elapsed);
            lock (_gate)
            {
                if (!_entries.TryGetValue(key, out var current) || current != entry)
                {
                    scorer.Dispose();
                    throw new CairnException(ErrorCode.InvalidState, $"Model '{key.Model}' version {key.Version} was unloaded while it was loading.");
                }

                _ready[key] = loaded;
            }

            _metrics.RecordModelLoad(key.Model, key.Version, elapsed.TotalSeconds);
            _logger.LogInformation("Loaded model {Model} version {Version} ({Flavor}, {Task}) in {Milliseconds:F0} ms",
                key.Model, key.Version, bundle.Manifest.Flavor, bundle.Manifest.Task, elapsed.TotalMilliseconds);
            return loaded;
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                if (_entries.TryGetValue(key, out var current) && current == entry)
                {
                    _entries.Remove(key);
                }
            }

            _logger.LogWarning(e, "Loading model {Model} version {Version} failed", key.Model, key.Version);
            throw Describe(key, e);
        }
    }

    private async Task<ModelBundle> ReadBundleAsync(ModelKey key, CancellationToken cancellationToken)
    {
        var version = await _registry.GetModelVersionAsync(key.Model, key.Version, cancellationToken);
        if (version.Status != ModelVersionStatus.Ready)
        {
            throw new CairnException(ErrorCode.InvalidState, $"Model '{key.Model}' version {key.Version} is {version.Status}, not READY.");
        }

        var path = ArtifactUri.TryGetStorePath(version.Source, "source")
            ?? throw new CairnException(ErrorCode.InvalidState,
                $"Model '{key.Model}' version {key.Version} has source '{version.Source}'; only '{ArtifactUri.Scheme}:/' bundles can be served.");
        await using var stream = await _artifacts.OpenReadAsync(path, cancellationToken)
            ?? throw new CairnException(ErrorCode.InvalidState, $"Model '{key.Model}' version {key.Version}: no bundle at '{path}'.");
        return await ModelBundle.LoadAsync(stream, cancellationToken);
    }

    private void WarmUp(ModelKey key, BundleManifest manifest, IModelScorer scorer)
    {
        var record = WarmUpRecord.For(manifest.Inputs);
        for (var i = 0; i < Math.Max(1, _options.WarmUpPredictions); i++)
        {
            _ = scorer.Score(record);
        }

        _logger.LogDebug("Warmed up model {Model} version {Version}", key.Model, key.Version);
    }

    private static CairnException Describe(ModelKey key, Exception e) => e switch
    {
        CairnException { Code: ErrorCode.ResourceDoesNotExist or ErrorCode.InvalidState } known => known,
        _ => new CairnException(ErrorCode.InvalidState, $"Model '{key.Model}' version {key.Version} cannot be loaded: {e.Message}", e),
    };

    private async Task DisposeLaterAsync(Entry entry)
    {
        LoadedModel loaded;
        try
        {
            loaded = await entry.Load;
        }
        catch (CairnException)
        {
            return; // A failed load has nothing to dispose.
        }

        try
        {
            // Requests routed just before the unload may still be scoring with it.
            await Task.Delay(_options.UnloadGracePeriod, _time, _stopping);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: no request is left to wait for.
        }

        loaded.Scorer.Dispose();
    }

    private readonly record struct ModelKey(string Model, long Version);

    private sealed class Entry
    {
        public Task<LoadedModel> Load { get; set; } = null!;
    }
}
