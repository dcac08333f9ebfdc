using System.Security.Cryptography;
using System.Text;
using Cairn.Core.Errors;
using Cairn.Pipelines.Spec;

namespace Cairn.Pipelines.Steps.Ml;

/// <summary>
/// Identities of state outside the pipeline for the cache keys of the data and model steps
/// (<see cref="ICacheKeyContributor"/>): files read by path and references resolved in the stores.
/// </summary>
internal static class ExternalState
{
    /// <summary>A file or directory that does not exist (the step reports it when it runs).</summary>
    public const string Missing = "missing";

    /// <summary>A reference that does not resolve (yet): the step reports it, or treats it as absent.</summary>
    public const string None = "none";

    private const int BufferSize = 1 << 16;

    /// <summary>
    /// <c>sha256:&lt;hex&gt;</c> of a file's bytes (of a directory: of its sorted (relative path, file hash)
    /// list). Always the full content, never size + modification time: an in-place edit that keeps the
    /// size within the clock's granularity, or a copy that preserves times (cp -p, rsync -t, tar), would
    /// otherwise reuse a stale result — and hashing (~1 GB/s) costs far less than importing the file.
    /// </summary>
    public static async Task<string> ContentIdentityAsync(string path, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            return "sha256:" + await HashFileAsync(path, cancellationToken);
        }

        if (!Directory.Exists(path))
        {
            return Missing;
        }

        var manifest = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            manifest.Append(Path.GetRelativePath(path, file).Replace('\\', '/')).Append('\0').Append(await HashFileAsync(file, cancellationToken)).Append('\n');
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest.ToString())));
    }

    /// <summary>A path taken from an upstream output is already in the key (by the output's content hash).</summary>
    public static bool IsOutputReference(string text) => SpecReferences.Find(text).Any(r => r.Step is not null);

    /// <summary><c>name@version-hash</c> that a dataset reference (<c>name@latest</c>, a tag, a prefix) resolves to now.</summary>
    public static async Task<string> DatasetAsync(MlServices services, string reference, CancellationToken cancellationToken)
    {
        try
        {
            var version = await services.Datasets.GetAsync(reference, includeProfile: false, cancellationToken);
            return $"{version.Name}@{version.Version}";
        }
        catch (CairnException)
        {
            return None; // Unknown or malformed: the step fails with the real reason when it runs.
        }
    }

    private static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        // Share read/write: hashing must not block (or be blocked by) a writer; the import re-checks the hash.
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
