using System.Net.Http.Headers;
using Cairn.Client.Internal;

namespace Cairn.Client;

public sealed partial class CairnClient
{
    /// <summary>Lists one directory of a run's artifacts (not recursive).</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="path">A directory relative to the run's artifact root, or null for the root.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The entries, with paths relative to the run's artifact root; empty when the directory does not exist.</returns>
    public async Task<IReadOnlyList<ArtifactFileInfo>> ListArtifactsAsync(string runId, string? path = null, CancellationToken cancellationToken = default)
    {
        var root = await ArtifactRootAsync(runId, cancellationToken);
        return await ListArtifactsAtAsync(root, ArtifactUris.Normalize(path), cancellationToken);
    }

    /// <summary>Streams one artifact file of a run into <paramref name="destination"/>.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="artifactPath">The file's path relative to the run's artifact root.</param>
    /// <param name="destination">Where the bytes go; it is not disposed.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    public async Task DownloadArtifactAsync(string runId, string artifactPath, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var root = await ArtifactRootAsync(runId, cancellationToken);
        await DownloadAtAsync(ArtifactUris.Combine(root, RequirePath(artifactPath)), destination, cancellationToken);
    }

    /// <summary>Downloads one artifact file of a run to a local file (replacing it only once the download is complete).</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="artifactPath">The file's path relative to the run's artifact root.</param>
    /// <param name="localFile">The local file to write; its directory is created.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    public async Task DownloadArtifactToFileAsync(string runId, string artifactPath, string localFile, CancellationToken cancellationToken = default)
    {
        var root = await ArtifactRootAsync(runId, cancellationToken);
        await DownloadToFileAtAsync(ArtifactUris.Combine(root, RequirePath(artifactPath)), localFile, cancellationToken);
    }

    /// <summary>Downloads a run's artifact directory (or the whole root) recursively into a local directory.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="artifactPath">A directory relative to the run's artifact root, or null for everything.</param>
    /// <param name="localDirectory">The local directory; the files keep their paths relative to <paramref name="artifactPath"/>.</param>
    /// <param name="cancellationToken">Cancels the downloads.</param>
    /// <returns>The number of files downloaded.</returns>
    public async Task<int> DownloadArtifactsAsync(string runId, string? artifactPath, string localDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(localDirectory);
        var root = await ArtifactRootAsync(runId, cancellationToken);
        var start = ArtifactUris.Normalize(artifactPath);
        var count = 0;
        var pending = new Stack<string>([start]);
        while (pending.TryPop(out var directory))
        {
            foreach (var entry in await ListArtifactsAtAsync(root, directory, cancellationToken))
            {
                if (entry.IsDirectory)
                {
                    pending.Push(entry.Path);
                    continue;
                }

                var relative = start.Length == 0 ? entry.Path : entry.Path[(start.Length + 1)..];
                await DownloadToFileAtAsync(ArtifactUris.Combine(root, entry.Path), Path.Combine(localDirectory, relative), cancellationToken);
                count++;
            }
        }

        return count;
    }

    /// <summary>Uploads a stream as one artifact file of a run.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="artifactPath">The file's path relative to the run's artifact root (e.g. <c>reports/summary.html</c>).</param>
    /// <param name="content">The bytes; read from its current position, not disposed. Retries need a seekable stream.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public async Task UploadArtifactAsync(string runId, string artifactPath, Stream content, CancellationToken cancellationToken = default)
    {
        var root = await ArtifactRootAsync(runId, cancellationToken);
        await UploadStreamAtAsync(root, RequirePath(artifactPath), content, cancellationToken);
    }

    internal async Task<string> ArtifactRootAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await GetRunAsync(runId, cancellationToken);
        return ArtifactUris.ToProxyPath(run.Info.ArtifactUri
            ?? throw new InvalidOperationException($"Run {runId} has no artifact URI."));
    }

    internal async Task<IReadOnlyList<ArtifactFileInfo>> ListArtifactsAtAsync(string root, string relative, CancellationToken cancellationToken)
    {
        var query = new QueryString().Add("path", ArtifactUris.Combine(root, relative));
        var uri = Resolve(ArtifactUris.Route + query);
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), HttpCompletionOption.ResponseContentRead, canRetry: true, cancellationToken);
        var listing = await ReadAsync(response, ClientJsonContext.Default.ArtifactListResponse, cancellationToken);
        return (listing.Files ?? [])
            .Where(f => !string.IsNullOrEmpty(f.Path))
            .Select(f => new ArtifactFileInfo(
                // The proxy answers basenames relative to the listed directory; callers want run-relative paths.
                relative.Length == 0 ? f.Path! : relative + "/" + f.Path,
                f.IsDir ?? false,
                f.IsDir == true ? null : f.FileSize))
            .ToList();
    }

    internal async Task UploadFileAtAsync(string root, string artifactPath, string localFile, CancellationToken cancellationToken)
    {
        var uri = Resolve(ArtifactUris.ToRoute(ArtifactUris.Combine(root, artifactPath)));
        var contentType = new MediaTypeHeaderValue(ContentTypes.For(localFile));
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Put, uri)
            {
                Content = new StreamContent(new FileStream(localFile, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
                {
                    Headers = { ContentType = contentType },
                },
            },
            HttpCompletionOption.ResponseContentRead,
            canRetry: true,
            cancellationToken);
    }

    internal async Task UploadStreamAtAsync(string root, string artifactPath, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var uri = Resolve(ArtifactUris.ToRoute(ArtifactUris.Combine(root, artifactPath)));
        var contentType = new MediaTypeHeaderValue(ContentTypes.For(artifactPath));
        var start = ReadOnlyStreamContent.StartOf(content);
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Put, uri) { Content = new ReadOnlyStreamContent(content, start) { Headers = { ContentType = contentType } } },
            HttpCompletionOption.ResponseContentRead,
            canRetry: start >= 0,
            cancellationToken);
    }

    private async Task DownloadAtAsync(string proxyPath, Stream destination, CancellationToken cancellationToken)
    {
        var uri = Resolve(ArtifactUris.ToRoute(proxyPath));
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), HttpCompletionOption.ResponseHeadersRead, canRetry: true, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await body.CopyToAsync(destination, cancellationToken);
    }

    private async Task DownloadToFileAtAsync(string proxyPath, string localFile, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(localFile);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".part";
        try
        {
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await DownloadAtAsync(proxyPath, file, cancellationToken);
            }

            File.Move(partial, target, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    private static string RequirePath(string artifactPath)
    {
        var clean = ArtifactUris.Normalize(artifactPath);
        return clean.Length > 0 ? clean : throw new ArgumentException("An artifact file path is required.", nameof(artifactPath));
    }
}
