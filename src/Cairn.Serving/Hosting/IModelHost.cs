namespace Cairn.Serving.Hosting;

/// <summary>
/// Loads registered model versions once per process, however many deployments use them, and hands out
/// warmed-up models. A version is ready only after its bundle is loaded and a warm-up prediction ran.
/// </summary>
public interface IModelHost
{
    /// <summary>
    /// The loaded model, loading and warming it up on first use (concurrent callers share one load).
    /// An unknown version is RESOURCE_DOES_NOT_EXIST; a bundle that cannot be loaded is INVALID_STATE.
    /// </summary>
    ValueTask<LoadedModel> GetAsync(string model, long version, CancellationToken cancellationToken);

    /// <summary>The model if it is loaded and warmed up, without waiting (the request hot path).</summary>
    bool TryGetReady(string model, long version, out LoadedModel? loaded);

    /// <summary>Releases a version no deployment uses any more; in-flight requests holding it finish first.</summary>
    void Unload(string model, long version);

    /// <summary>Every loaded version, for readiness and metrics.</summary>
    IReadOnlyCollection<LoadedModel> Loaded { get; }
}
