using Cairn.Serving.Hosting;

namespace Cairn.Inference.Tests.Support;

/// <summary>A model host whose loads of one version wait for a gate, to observe what happens while a load is in progress.</summary>
public sealed class GatedModelHost(IModelHost inner, long gatedVersion) : IModelHost
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyCollection<LoadedModel> Loaded => inner.Loaded;

    /// <summary>Completes when a caller is waiting at the gate.</summary>
    public Task Waiting => _waiting.Task;

    public void Open() => _gate.TrySetResult();

    public async ValueTask<LoadedModel> GetAsync(string model, long version, CancellationToken cancellationToken)
    {
        if (version == gatedVersion)
        {
            _waiting.TrySetResult();
            await _gate.Task.WaitAsync(cancellationToken);
        }

        return await inner.GetAsync(model, version, cancellationToken);
    }

    public bool TryGetReady(string model, long version, out LoadedModel? loaded) => inner.TryGetReady(model, version, out loaded);

    public void Unload(string model, long version) => inner.Unload(model, version);
}
