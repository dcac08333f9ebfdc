using System.Runtime.CompilerServices;
using Cairn.Client.Internal;
using Cairn.Contracts.Mlflow.Registry;

namespace Cairn.Client;

public sealed partial class CairnClient
{
    /// <summary>Registers a new version of a model from an artifact location.</summary>
    /// <param name="name">The registered model's name (it must exist; see <see cref="RegisterModelAsync"/>).</param>
    /// <param name="source">Where the model's files are, e.g. <c>mlflow-artifacts:/1/&lt;run&gt;/artifacts/model</c> or <c>models:/m-…</c>.</param>
    /// <param name="runId">The run that produced it, or null.</param>
    /// <param name="description">A description, or null.</param>
    /// <param name="tags">Version tags, or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<ModelVersionDto> CreateModelVersionAsync(
        string name, string source, string? runId = null, string? description = null, IReadOnlyDictionary<string, string>? tags = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var request = new CreateModelVersionRequest { Name = name, Source = source, RunId = runId, Description = description, Tags = ToKeyValues(tags) };
        var response = await SendJsonAsync(HttpMethod.Post, "model-versions/create", request, RegistryJson.CreateModelVersionRequest, RegistryJson.ModelVersionResponse, cancellationToken);
        return response.ModelVersion;
    }

    /// <summary>
    /// Registers a run's artifact directory as a new version of <paramref name="name"/>, creating the registered
    /// model when it does not exist (as MLflow's <c>register_model("runs:/&lt;run&gt;/&lt;path&gt;", name)</c>).
    /// </summary>
    /// <param name="runId">The run that logged the model.</param>
    /// <param name="artifactPath">The model's directory inside the run's artifacts, e.g. <c>model</c>.</param>
    /// <param name="name">The registered model's name.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<ModelVersionDto> RegisterModelAsync(string runId, string artifactPath, string name, CancellationToken cancellationToken = default)
    {
        var run = await GetRunAsync(runId, cancellationToken);
        var source = run.Info.ArtifactUri?.TrimEnd('/') + "/" + ArtifactUris.Normalize(artifactPath);
        try
        {
            await CreateRegisteredModelAsync(name, cancellationToken: cancellationToken);
        }
        catch (CairnApiException e) when (e.IsAlreadyExists)
        {
            // Registering another version of an existing model is the common case.
        }

        return await CreateModelVersionAsync(name, source, runId, cancellationToken: cancellationToken);
    }

    /// <summary>Gets one model version.</summary>
    /// <param name="name">The model name.</param>
    /// <param name="version">The version, e.g. "1".</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<ModelVersionDto> GetModelVersionAsync(string name, string version, CancellationToken cancellationToken = default)
    {
        var response = await GetAsync("model-versions/get", new QueryString().Add("name", name).Add("version", version), RegistryJson.ModelVersionResponse, cancellationToken);
        return response.ModelVersion;
    }

    /// <summary>Searches model versions; returns one page.</summary>
    /// <param name="filter">A filter such as <c>name = 'churn'</c> or <c>run_id = '…'</c>, or null for all.</param>
    /// <param name="orderBy">Order clauses (e.g. <c>version_number DESC</c>), or null.</param>
    /// <param name="maxResults">The page size, or null for the server's default.</param>
    /// <param name="pageToken">The token of the page to get, or null for the first.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<ResultPage<ModelVersionDto>> SearchModelVersionsAsync(
        string? filter = null, IReadOnlyList<string>? orderBy = null, int? maxResults = null, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryString().Add("filter", filter).Add("max_results", maxResults).AddEach("order_by", orderBy).Add("page_token", pageToken);
        var response = await GetAsync("model-versions/search", query, RegistryJson.SearchModelVersionsResponse, cancellationToken);
        return new ResultPage<ModelVersionDto>(response.ModelVersions ?? [], NullIfEmpty(response.NextPageToken));
    }

    /// <summary>Enumerates every matching model version, following page tokens.</summary>
    /// <param name="filter">A model-version filter, or null for all.</param>
    /// <param name="orderBy">Order clauses, or null.</param>
    /// <param name="pageSize">Versions per request.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public async IAsyncEnumerable<ModelVersionDto> EnumerateModelVersionsAsync(
        string? filter = null, IReadOnlyList<string>? orderBy = null, int pageSize = 1000, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var page = await SearchModelVersionsAsync(filter, orderBy, pageSize, token, cancellationToken);
            foreach (var version in page.Items)
            {
                yield return version;
            }

            token = page.NextPageToken;
        }
        while (token is not null);
    }

    /// <summary>Changes a model version's description.</summary>
    /// <param name="name">The model name.</param>
    /// <param name="version">The version.</param>
    /// <param name="description">The new description.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<ModelVersionDto> UpdateModelVersionAsync(string name, string version, string description, CancellationToken cancellationToken = default)
    {
        var request = new UpdateModelVersionRequest { Name = name, Version = version, Description = description };
        var response = await SendJsonAsync(HttpMethod.Patch, "model-versions/update", request, RegistryJson.UpdateModelVersionRequest, RegistryJson.ModelVersionResponse, cancellationToken);
        return response.ModelVersion;
    }

    /// <summary>Moves a version to a legacy stage (deprecated in MLflow 3 in favour of aliases, still supported).</summary>
    /// <param name="name">The model name.</param>
    /// <param name="version">The version.</param>
    /// <param name="stage"><c>None</c>, <c>Staging</c>, <c>Production</c> or <c>Archived</c>.</param>
    /// <param name="archiveExistingVersions">True to archive the versions currently in that stage.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<ModelVersionDto> TransitionModelVersionStageAsync(
        string name, string version, string stage, bool archiveExistingVersions = false, CancellationToken cancellationToken = default)
    {
        var request = new TransitionModelVersionStageRequest { Name = name, Version = version, Stage = stage, ArchiveExistingVersions = archiveExistingVersions };
        var response = await SendJsonAsync(HttpMethod.Post, "model-versions/transition-stage", request, RegistryJson.TransitionModelVersionStageRequest, RegistryJson.ModelVersionResponse, cancellationToken);
        return response.ModelVersion;
    }

    /// <summary>Deletes a model version.</summary>
    /// <param name="name">The model name.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DeleteModelVersionAsync(string name, string version, CancellationToken cancellationToken = default) =>
        SendJsonNoResultAsync(HttpMethod.Delete, "model-versions/delete", new ModelVersionKeyRequest { Name = name, Version = version }, RegistryJson.ModelVersionKeyRequest, cancellationToken);

    /// <summary>Gets the artifact URI to download a model version's files from.</summary>
    /// <param name="name">The model name.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<string> GetModelVersionDownloadUriAsync(string name, string version, CancellationToken cancellationToken = default)
    {
        var response = await GetAsync("model-versions/get-download-uri", new QueryString().Add("name", name).Add("version", version), RegistryJson.GetModelVersionDownloadUriResponse, cancellationToken);
        return response.ArtifactUri;
    }

    /// <summary>Sets (or overwrites) a model version's tag.</summary>
    /// <param name="name">The model name.</param>
    /// <param name="version">The version.</param>
    /// <param name="key">The tag key.</param>
    /// <param name="value">The tag value.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task SetModelVersionTagAsync(string name, string version, string key, string value, CancellationToken cancellationToken = default) =>
        SendJsonNoResultAsync(HttpMethod.Post, "model-versions/set-tag", new SetModelVersionTagRequest { Name = name, Version = version, Key = key, Value = value }, RegistryJson.SetModelVersionTagRequest, cancellationToken);

    /// <summary>Deletes a model version's tag.</summary>
    /// <param name="name">The model name.</param>
    /// <param name="version">The version.</param>
    /// <param name="key">The tag key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DeleteModelVersionTagAsync(string name, string version, string key, CancellationToken cancellationToken = default) =>
        SendJsonNoResultAsync(HttpMethod.Delete, "model-versions/delete-tag", new DeleteModelVersionTagRequest { Name = name, Version = version, Key = key }, RegistryJson.DeleteModelVersionTagRequest, cancellationToken);
}
