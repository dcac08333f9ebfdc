using Cairn.Core.Artifacts;

namespace Cairn.Inference.Tests.Support;

/// <summary>An artifact store whose reads wait until the test opens the gate, to order a load against its callers.</summary>
internal sealed class GatedArtifactStore(IArtifactStore inner) : IArtifactStore
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _gate.TrySetResult();

    public async Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        await _gate.Task.WaitAsync(cancellationToken);
        return await inner.OpenReadAsync(path, cancellationToken);
    }

    public Task PutAsync(string path, Stream content, CancellationToken cancellationToken) => inner.PutAsync(path, content, cancellationToken);

    public Task<IReadOnlyList<ArtifactEntry>> ListAsync(string path, CancellationToken cancellationToken) => inner.ListAsync(path, cancellationToken);

    public Task DeleteAsync(string path, CancellationToken cancellationToken) => inner.DeleteAsync(path, cancellationToken);

    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken) => inner.ExistsAsync(path, cancellationToken);
}
