using System.Text;
using Cairn.Client.Internal;

namespace Cairn.Client;

public sealed partial class ActiveRun
{
    private string ArtifactRoot => ArtifactUris.ToProxyPath(ArtifactUri ?? throw new InvalidOperationException($"Run {RunId} has no artifact URI."));

    /// <summary>
    /// Uploads a local file (or a directory, recursively, under its own name) as run artifacts, streamed.
    /// </summary>
    /// <param name="localPath">The local file or directory.</param>
    /// <param name="artifactPath">The artifact directory to put it in, or null for the run's artifact root.</param>
    /// <param name="cancellationToken">Cancels the uploads.</param>
    public async Task LogArtifactAsync(string localPath, string? artifactPath = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(localPath);
        BeforeCall();
        var full = Path.GetFullPath(localPath);
        var name = Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var target = ArtifactUris.Combine(ArtifactUris.Normalize(artifactPath), name);
        if (Directory.Exists(full))
        {
            await UploadDirectoryAsync(full, target, cancellationToken);
        }
        else if (File.Exists(full))
        {
            await _client.UploadFileAtAsync(ArtifactRoot, target, full, cancellationToken);
        }
        else
        {
            throw new FileNotFoundException($"No file or directory at '{localPath}'.", localPath);
        }
    }

    /// <summary>Uploads the contents of a local directory, recursively, into an artifact directory.</summary>
    /// <param name="localDirectory">The local directory.</param>
    /// <param name="artifactPath">The artifact directory to put its contents in, or null for the run's artifact root.</param>
    /// <param name="cancellationToken">Cancels the uploads.</param>
    public Task LogArtifactsAsync(string localDirectory, string? artifactPath = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(localDirectory);
        BeforeCall();
        if (!Directory.Exists(localDirectory))
        {
            throw new DirectoryNotFoundException($"No directory at '{localDirectory}'.");
        }

        return UploadDirectoryAsync(Path.GetFullPath(localDirectory), ArtifactUris.Normalize(artifactPath), cancellationToken);
    }

    /// <summary>Uploads text as an artifact file (UTF-8).</summary>
    /// <param name="text">The text.</param>
    /// <param name="artifactFile">The file's path relative to the run's artifact root, e.g. <c>notes.txt</c>.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public async Task LogTextAsync(string text, string artifactFile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        BeforeCall();
        var path = ArtifactUris.Normalize(artifactFile);
        if (path.Length == 0)
        {
            throw new ArgumentException("An artifact file name is required.", nameof(artifactFile));
        }

        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false);
        await _client.UploadStreamAtAsync(ArtifactRoot, path, content, cancellationToken);
    }

    /// <summary>Uploads a stream as an artifact file.</summary>
    /// <param name="content">The bytes; read from the current position, not disposed. Retries need a seekable stream.</param>
    /// <param name="artifactFile">The file's path relative to the run's artifact root.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public Task LogStreamAsync(Stream content, string artifactFile, CancellationToken cancellationToken = default)
    {
        BeforeCall();
        var path = ArtifactUris.Normalize(artifactFile);
        if (path.Length == 0)
        {
            throw new ArgumentException("An artifact file name is required.", nameof(artifactFile));
        }

        return _client.UploadStreamAtAsync(ArtifactRoot, path, content, cancellationToken);
    }

    private async Task UploadDirectoryAsync(string localDirectory, string artifactDirectory, CancellationToken cancellationToken)
    {
        var root = ArtifactRoot;
        foreach (var file in Directory.EnumerateFiles(localDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(localDirectory, file).Replace(Path.DirectorySeparatorChar, '/');
            await _client.UploadFileAtAsync(root, ArtifactUris.Combine(artifactDirectory, relative), file, cancellationToken);
        }
    }
}
