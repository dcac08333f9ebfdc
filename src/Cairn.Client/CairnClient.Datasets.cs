using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cairn.Client.Datasets;
using Cairn.Client.Internal;
using Cairn.Contracts.Native.Datasets;

namespace Cairn.Client;

public sealed partial class CairnClient
{
    private const string DatasetsApi = "api/v1/datasets";

    /// <summary>
    /// Imports data as a version of the dataset <paramref name="name"/>, streaming <paramref name="content"/>
    /// (it is not buffered and not disposed). The version id is the SHA-256 of the bytes: importing the same
    /// bytes again returns the existing version with <see cref="ImportDatasetResponse.Created"/> false.
    /// </summary>
    /// <param name="name">The dataset name (letters, digits, '.', '_' and '-').</param>
    /// <param name="content">The file's bytes.</param>
    /// <param name="format">csv, parquet, jsonl or json; null infers it from <paramref name="fileName"/>.</param>
    /// <param name="fileName">The file's name, recorded as the version's source.</param>
    /// <param name="progress">Told the number of bytes sent so far; may be null.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The version (without its profile) and whether it was new.</returns>
    public async Task<ImportDatasetResponse> ImportDatasetAsync(string name, Stream content, string? format = null, string? fileName = null,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var body = progress is null ? content : new ProgressStream(content, progress);
        var start = ReadOnlyStreamContent.StartOf(body);
        var uri = Resolve($"{DatasetsApi}/{Escape(name)}/versions{new QueryString().Add("format", format).Add("filename", fileName)}");
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, uri)
            {
                Content = new ReadOnlyStreamContent(body, start) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } },
            },
            HttpCompletionOption.ResponseContentRead,
            canRetry: start >= 0,
            cancellationToken);
        return await ReadAsync(response, DatasetsJsonContext.Default.ImportDatasetResponse, cancellationToken);
    }

    /// <summary>Imports a local file as a version of the dataset <paramref name="name"/> (see <see cref="ImportDatasetAsync"/>).</summary>
    /// <param name="name">The dataset name.</param>
    /// <param name="path">The local file.</param>
    /// <param name="format">csv, parquet, jsonl or json; null infers it from the file's extension.</param>
    /// <param name="progress">Told the number of bytes sent so far; may be null.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The version and whether it was new.</returns>
    public async Task<ImportDatasetResponse> ImportDatasetFileAsync(string name, string path, string? format = null,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await ImportDatasetAsync(name, file, format, Path.GetFileName(path), progress, cancellationToken);
    }

    /// <summary>Lists dataset names (alphabetically) with their version counts, latest versions and tags.</summary>
    /// <param name="maxResults">Page size (1 to 1000).</param>
    /// <param name="pageToken">The token of the page to read; null for the first.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page; its <see cref="ListDatasetsResponse.NextPageToken"/> is null on the last page.</returns>
    public Task<ListDatasetsResponse> ListDatasetsAsync(int maxResults = 100, string? pageToken = null, CancellationToken cancellationToken = default) =>
        GetNativeAsync($"{DatasetsApi}{new QueryString().Add("max_results", maxResults).Add("page_token", pageToken)}",
            DatasetsJsonContext.Default.ListDatasetsResponse, cancellationToken);

    /// <summary>Lists the versions of a dataset, newest first (without profiles).</summary>
    /// <param name="name">The dataset name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The versions.</returns>
    public async Task<IReadOnlyList<DatasetVersionDto>> ListDatasetVersionsAsync(string name, CancellationToken cancellationToken = default) =>
        (await GetNativeAsync($"{DatasetsApi}/{Escape(name)}/versions", DatasetsJsonContext.Default.ListDatasetVersionsResponse, cancellationToken)).Versions;

    /// <summary>Gets one version with its schema and profile.</summary>
    /// <param name="name">The dataset name.</param>
    /// <param name="version">"latest", a tag, the full hash or a unique prefix of at least 6 characters.</param>
    /// <param name="includeSamples">Also return the per-column drift samples (can be large).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The version.</returns>
    public Task<DatasetVersionDto> GetDatasetVersionAsync(string name, string version = "latest", bool includeSamples = false, CancellationToken cancellationToken = default) =>
        GetNativeAsync($"{DatasetsApi}/{Escape(name)}/versions/{Escape(version)}{(includeSamples ? "?samples=true" : "")}",
            DatasetsJsonContext.Default.DatasetVersionDto, cancellationToken);

    /// <summary>Streams a version's stored file into <paramref name="destination"/> (not disposed).</summary>
    /// <param name="name">The dataset name.</param>
    /// <param name="version">"latest", a tag, the full hash or a unique prefix.</param>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    public async Task DownloadDatasetAsync(string name, string version, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var uri = Resolve($"{DatasetsApi}/{Escape(name)}/versions/{Escape(version)}/data");
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), HttpCompletionOption.ResponseHeadersRead, canRetry: true, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await body.CopyToAsync(destination, cancellationToken);
    }

    /// <summary>Validates a version against a schema; the report lists every failure (it is returned, not thrown, when validation fails).</summary>
    /// <param name="name">The dataset name.</param>
    /// <param name="version">"latest", a tag, the full hash or a unique prefix.</param>
    /// <param name="schema">What the data must look like (a version's own schema is a valid one).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The report.</returns>
    public Task<ValidationReportDto> ValidateDatasetAsync(string name, string version, ValidationSchemaDto schema, CancellationToken cancellationToken = default) =>
        PostValidationAsync($"{DatasetsApi}/{Escape(name)}/versions/{Escape(version)}/validate", new ValidateDatasetRequest { Schema = schema }, cancellationToken);

    /// <summary>Validates a version against a reference version (its columns, types, categories, ranges and missing rates).</summary>
    /// <param name="name">The dataset name.</param>
    /// <param name="version">"latest", a tag, the full hash or a unique prefix.</param>
    /// <param name="reference">The reference as "name@version" (or "name" for its latest version).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The report; drift-like findings are warnings.</returns>
    public Task<ValidationReportDto> ValidateDatasetAgainstAsync(string name, string version, string reference, CancellationToken cancellationToken = default) =>
        PostValidationAsync($"{DatasetsApi}/{Escape(name)}/versions/{Escape(version)}/validate", new ValidateDatasetRequest { Reference = reference }, cancellationToken);

    /// <summary>Points a tag of a dataset at one of its versions (moving it if it pointed elsewhere).</summary>
    /// <param name="name">The dataset name.</param>
    /// <param name="tag">The tag (starts with a letter; not "latest", not all hex digits).</param>
    /// <param name="version">The version: full hash, unique prefix, another tag or "latest".</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The tagged version.</returns>
    public async Task<DatasetVersionDto> SetDatasetTagAsync(string name, string tag, string version, CancellationToken cancellationToken = default)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new SetDatasetTagRequest(version), DatasetsJsonContext.Default.SetDatasetTagRequest);
        var uri = Resolve($"{DatasetsApi}/{Escape(name)}/tags/{Escape(tag)}");
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Put, uri) { Content = new ByteArrayContent(bytes) { Headers = { ContentType = JsonMediaType } } },
            HttpCompletionOption.ResponseContentRead, canRetry: true, cancellationToken);
        return await ReadAsync(response, DatasetsJsonContext.Default.DatasetVersionDto, cancellationToken);
    }

    /// <summary>Removes a tag from a dataset.</summary>
    /// <param name="name">The dataset name.</param>
    /// <param name="tag">The tag.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task DeleteDatasetTagAsync(string name, string tag, CancellationToken cancellationToken = default)
    {
        var uri = Resolve($"{DatasetsApi}/{Escape(name)}/tags/{Escape(tag)}");
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, uri), HttpCompletionOption.ResponseContentRead, canRetry: true, cancellationToken);
    }

    private Task<ValidationReportDto> PostValidationAsync(string relative, ValidateDatasetRequest request, CancellationToken cancellationToken) =>
        SendNativeAsync(HttpMethod.Post, relative, request, DatasetsJsonContext.Default.ValidateDatasetRequest,
            DatasetsJsonContext.Default.ValidationReportDto, canRetry: true, cancellationToken);

    private static string Escape(string segment)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        return Uri.EscapeDataString(segment);
    }
}
