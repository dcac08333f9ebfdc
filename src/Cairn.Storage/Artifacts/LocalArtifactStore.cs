using Cairn.Core.Artifacts;
using Cairn.Core.Errors;

namespace Cairn.Storage.Artifacts;

/// <summary>
/// Artifacts as files under a root directory. Writes go to a temporary file in the same directory, are
/// flushed to disk, and are then renamed into place: a reader never sees a half-written file, a failed
/// upload leaves nothing, and an acknowledged upload survives a crash of the process or the machine.
/// </summary>
public sealed class LocalArtifactStore : IArtifactStore
{
    private const int BufferSize = 81920;

    // Temporary uploads live next to their target (so the rename is atomic) and are hidden from listings.
    private const string TempPrefix = ".cairn-upload-";

    private readonly string _root;

    public LocalArtifactStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public async Task PutAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        var full = Resolve(path);
        if (full == _root || Directory.Exists(full))
        {
            throw CairnException.InvalidParameter($"Invalid value '{path}' for parameter 'path': it is a directory.");
        }

        var directory = Path.GetDirectoryName(full)!;
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (IOException)
        {
            throw CairnException.InvalidParameter($"Invalid value '{path}' for parameter 'path': a parent of it is a file.");
        }

        var temp = Path.Combine(directory, TempPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, BufferSize, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
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
        Stream? stream = null;
        try
        {
            if (File.Exists(full))
            {
                stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize,
                    FileOptions.Asynchronous | FileOptions.SequentialScan);
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // Deleted between the check and the open: it does not exist.
        }

        return Task.FromResult(stream);
    }

    public Task<IReadOnlyList<ArtifactEntry>> ListAsync(string path, CancellationToken cancellationToken)
    {
        var normalized = ArtifactPath.Normalize(path);
        var full = Resolve(normalized);
        IReadOnlyList<ArtifactEntry> entries = [];
        try
        {
            if (File.Exists(full))
            {
                entries = [new ArtifactEntry(normalized, false, new FileInfo(full).Length)];
            }
            else if (Directory.Exists(full))
            {
                entries = [.. new DirectoryInfo(full).EnumerateFileSystemInfos()
                    .Where(i => !i.Name.StartsWith(TempPrefix, StringComparison.Ordinal))
                    .OrderBy(i => i.Name, StringComparer.Ordinal)
                    .Select(i => new ArtifactEntry(ArtifactPath.Combine(normalized, i.Name), i is DirectoryInfo, i is FileInfo f ? f.Length : null))];
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // Deleted while we looked: an empty listing is the truth now.
        }

        return Task.FromResult(entries);
    }

    public Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        var full = Resolve(path);
        try
        {
            if (File.Exists(full))
            {
                File.Delete(full);
            }
            else if (Directory.Exists(full) && full != _root)
            {
                Directory.Delete(full, recursive: true);
            }
        }
        catch (DirectoryNotFoundException)
        {
            // A concurrent delete got there first; the outcome is the same.
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
        if (normalized.Split('/').Any(s => s.StartsWith(TempPrefix, StringComparison.Ordinal)))
        {
            throw CairnException.InvalidParameter($"Invalid value '{path}' for parameter 'path': names starting with '{TempPrefix}' are reserved.");
        }

        var full = Path.GetFullPath(Path.Combine(_root, normalized));

        // Defence in depth: Normalize already refuses traversal, but a prefix check costs nothing.
        if (full != _root && !full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw CairnException.InvalidParameter($"Invalid value '{path}' for parameter 'path': it leaves the artifact root.");
        }

        return full;
    }
}
