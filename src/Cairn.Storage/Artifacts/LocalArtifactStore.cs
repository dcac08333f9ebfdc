using Cairn.Core.Artifacts;

namespace Cairn.Storage.Artifacts;

/// <summary>
/// Artifacts as files under a root directory. Writes go to a temporary file in the same directory and
/// are renamed into place, so a reader never sees a half-written file and a failed upload leaves nothing.
/// </summary>
public sealed class LocalArtifactStore : IArtifactStore
{
    private const int BufferSize = 81920;
    private readonly string _root;

    public LocalArtifactStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public async Task PutAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        var full = Resolve(path);
        if (Directory.Exists(full))
        {
            throw Core.Errors.CairnException.InvalidParameter($"Invalid value '{path}' for parameter 'path': it is a directory.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, BufferSize, cancellationToken);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        var full = Resolve(path);
        Stream? stream = File.Exists(full)
            ? new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null;
        return Task.FromResult(stream);
    }

    public Task<IReadOnlyList<ArtifactEntry>> ListAsync(string path, CancellationToken cancellationToken)
    {
        var normalized = ArtifactPath.Normalize(path);
        var full = Resolve(normalized);
        IReadOnlyList<ArtifactEntry> entries;
        if (File.Exists(full))
        {
            entries = [new ArtifactEntry(normalized, false, new FileInfo(full).Length)];
        }
        else if (Directory.Exists(full))
        {
            entries = new DirectoryInfo(full).EnumerateFileSystemInfos()
                .Where(i => !i.Name.EndsWith(".tmp", StringComparison.Ordinal))
                .OrderBy(i => i.Name, StringComparer.Ordinal)
                .Select(i => new ArtifactEntry(ArtifactPath.Combine(normalized, i.Name), i is DirectoryInfo, i is FileInfo f ? f.Length : null))
                .ToList();
        }
        else
        {
            entries = [];
        }

        return Task.FromResult(entries);
    }

    public Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        var full = Resolve(path);
        if (File.Exists(full))
        {
            File.Delete(full);
        }
        else if (Directory.Exists(full) && full != _root)
        {
            Directory.Delete(full, recursive: true);
        }

        return Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken)
    {
        var full = Resolve(path);
        return Task.FromResult(File.Exists(full) || Directory.Exists(full));
    }

    private string Resolve(string path)
    {
        var normalized = ArtifactPath.Normalize(path);
        var full = Path.GetFullPath(Path.Combine(_root, normalized));

        // Defence in depth: Normalize already refuses traversal, but a symlink-free prefix check costs nothing.
        if (!full.StartsWith(_root, StringComparison.Ordinal))
        {
            throw Core.Errors.CairnException.InvalidParameter($"Invalid value '{path}' for parameter 'path': it leaves the artifact root.");
        }

        return full;
    }
}
