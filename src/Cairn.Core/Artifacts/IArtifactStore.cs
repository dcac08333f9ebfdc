namespace Cairn.Core.Artifacts;

/// <summary>
/// Artifact storage addressed by relative paths (validated by <see cref="ArtifactPath"/>). Content is
/// streamed both ways; nothing is buffered whole in memory.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Writes a file atomically (to a temporary name, then renamed), replacing any previous content.</summary>
    Task PutAsync(string path, Stream content, CancellationToken cancellationToken);

    /// <summary>Opens a file for reading, or returns null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken);

    /// <summary>Lists the direct children of a directory (empty when it does not exist); a file lists itself.</summary>
    Task<IReadOnlyList<ArtifactEntry>> ListAsync(string path, CancellationToken cancellationToken);

    /// <summary>Deletes a file or a directory tree; deleting a missing path is not an error.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string path, CancellationToken cancellationToken);
}
