using Cairn.Contracts.Mlflow;
using System.Runtime.CompilerServices;
using Cairn.Client.Internal;
using Cairn.Contracts.Mlflow.Registry;

namespace Cairn.Client;

public sealed partial class CairnClient
{
    private static MlflowJsonContext RegistryJson => MlflowJsonContext.Default;

    /// <summary>Creates a registered model (a named series of model versions).</summary>
    /// <param name="name">A unique model name.</param>
    /// <param name="description">A description, or null.</param>
    /// <param name="tags">Model tags, or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="CairnApiException"><c>RESOURCE_ALREADY_EXISTS</c> when the name is taken.</exception>
    public async Task<RegisteredModelDto> CreateRegisteredModelAsync(
        string name, string? description = null, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var request = new CreateRegisteredModelRequest { Name = name, Description = description, Tags = ToKeyValues(tags) };
        var response = await SendJsonAsync(HttpMethod.Post, "registered-models/create", request, RegistryJson.CreateRegisteredModelRequest, RegistryJson.RegisteredModelResponse, cancellationToken);
        return response.RegisteredModel;
    }

    /// <summary>Gets a registered model with its latest versions per stage, tags and aliases.</summary>
    /// <param name="name">The model name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="CairnApiException"><c>RESOURCE_DOES_NOT_EXIST</c> when there is no such model.</exception>
    public async Task<RegisteredModelDto> GetRegisteredModelAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var response = await GetAsync("registered-models/get", new QueryString().Add("name", name), RegistryJson.RegisteredModelResponse, cancellationToken);
        return response.RegisteredModel;
    }

    /// <summary>Searches registered models; returns one page.</summary>
    /// <param name="filter">A filter such as <c>name LIKE 'churn%'</c> or <c>tags.team = 'ml'</c>, or null for all.</param>
    /// <param name="orderBy">Order clauses (e.g. <c>name ASC</c>), or null.</param>
    /// <param name="maxResults">The page size, or null for the server's default (100).</param>
    /// <param name="pageToken">The token of the page to get, or null for the first.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<ResultPage<RegisteredModelDto>> SearchRegisteredModelsAsync(
        string? filter = null, IReadOnlyList<string>? orderBy = null, int? maxResults = null, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryString().Add("filter", filter).Add("max_results", maxResults).AddEach("order_by", orderBy).Add("page_token", pageToken);
        var response = await GetAsync("registered-models/search", query, RegistryJson.SearchRegisteredModelsResponse, cancellationToken);
        return new ResultPage<RegisteredModelDto>(response.RegisteredModels ?? [], NullIfEmpty(response.NextPageToken));
    }

    /// <summary>Enumerates every matching registered model, following page tokens.</summary>
    /// <param name="filter">A registered-model filter, or null for all.</param>
    /// <param name="orderBy">Order clauses, or null.</param>
    /// <param name="pageSize">Models per request.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public async IAsyncEnumerable<RegisteredModelDto> EnumerateRegisteredModelsAsync(
        string? filter = null, IReadOnlyList<string>? orderBy = null, int pageSize = 100, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var page = await SearchRegisteredModelsAsync(filter, orderBy, pageSize, token, cancellationToken);
            foreach (var model in page.Items)
            {
                yield return model;
            }

            token = page.NextPageToken;
        }
        while (token is not null);
    }

    /// <summary>Changes a registered model's description.</summary>
    /// <param name="name">The model name.</param>
    /// <param name="description">The new description.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<RegisteredModelDto> UpdateRegisteredModelAsync(string name, string description, CancellationToken cancellationToken = default)
    {
        var request = new UpdateRegisteredModelRequest { Name = name, Description = description };
        var response = await SendJsonAsync(HttpMethod.Patch, "registered-models/update", request, RegistryJson.UpdateRegisteredModelRequest, RegistryJson.RegisteredModelResponse, cancellationToken);
        return response.RegisteredModel;
    }

    /// <summary>Renames a registered model (its versions follow).</summary>
    /// <param name="name">The current name.</param>
    /// <param name="newName">The new, unique name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<RegisteredModelDto> RenameRegisteredModelAsync(string name, string newName, CancellationToken cancellationToken = default)
    {
        var request = new RenameRegisteredModelRequest { Name = name, NewName = newName };
        var response = await SendJsonAsync(HttpMethod.Post, "registered-models/rename", request, RegistryJson.RenameRegisteredModelRequest, RegistryJson.RegisteredModelResponse, cancellationToken);
        return response.RegisteredModel;
    }

    /// <summary>Deletes a registered model with all its versions.</summary>
    /// <param name="name">The model name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DeleteRegisteredModelAsync(string name, CancellationToken cancellationToken = default) =>
        SendJsonNoResultAsync(HttpMethod.Delete, "registered-models/delete", new RegisteredModelNameRequest { Name = name }, RegistryJson.RegisteredModelNameRequest, cancellationToken);

    /// <summary>Sets (or overwrites) a registered model's tag.</summary>
    /// <param name="name">The model name.</param>
    /// <param name="key">The tag key.</param>
    /// <param name="value">The tag value.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task SetRegisteredModelTagAsync(string name, string key, string value, CancellationToken cancellationToken = default) =>
        SendJsonNoResultAsync(HttpMethod.Post, "registered-models/set-tag", new SetRegisteredModelTagRequest { Name = name, Key = key, Value = value }, RegistryJson.SetRegisteredModelTagRequest, cancellationToken);

    /// <summary>Deletes a registered model's tag.</summary>
    /// <param name="name">The model name.</param>
    /// <param name="key">The tag key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DeleteRegisteredModelTagAsync(string name, string key, CancellationToken cancellationToken = default) =>
        SendJsonNoResultAsync(HttpMethod.Delete, "registered-models/delete-tag", new DeleteRegisteredModelTagRequest { Name = name, Key = key }, RegistryJson.DeleteRegisteredModelTagRequest, cancellationToken);

    /// <summary>Gets the latest version of a model in each stage (MLflow's legacy stages).</summary>
    /// <param name="name">The model name.</param>
    /// <param name="stages">Stages to include (<c>None</c>, <c>Staging</c>, <c>Production</c>, <c>Archived</c>), or null for all.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IReadOnlyList<ModelVersionDto>> GetLatestVersionsAsync(string name, IReadOnlyList<string>? stages = null, CancellationToken cancellationToken = default)
    {
        var request = new GetLatestVersionsRequest { Name = name, Stages = stages };
        var response = await SendJsonAsync(HttpMethod.Post, "registered-models/get-latest-versions", request, RegistryJson.GetLatestVersionsRequest, RegistryJson.ModelVersionsResponse, cancellationToken);
        return response.ModelVersions ?? [];
    }

    /// <summary>Points an alias (e.g. <c>champion</c>) at a version of a model, moving it from any other version.</summary>
    /// <param name="name">The model name.</param>
    /// <param name="alias">The alias.</param>
    /// <param name="version">The version, e.g. "3".</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task SetAliasAsync(string name, string alias, string version, CancellationToken cancellationToken = default) =>
        SendJsonNoResultAsync(HttpMethod.Post, "registered-models/alias", new SetRegisteredModelAliasRequest { Name = name, Alias = alias, Version = version }, RegistryJson.SetRegisteredModelAliasRequest, cancellationToken);

    /// <summary>Removes an alias from a model.</summary>
    /// <param name="name">The model name.</param>
    /// <param name="alias">The alias.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DeleteAliasAsync(string name, string alias, CancellationToken cancellationToken = default) =>
        SendJsonNoResultAsync(HttpMethod.Delete, "registered-models/alias", new RegisteredModelAliasRequest { Name = name, Alias = alias }, RegistryJson.RegisteredModelAliasRequest, cancellationToken);

    /// <summary>Gets the version an alias points at (as <c>models:/name@alias</c> resolves).</summary>
    /// <param name="name">The model name.</param>
    /// <param name="alias">The alias.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="CairnApiException">
    /// <c>RESOURCE_DOES_NOT_EXIST</c> when the model does not exist; <c>INVALID_PARAMETER_VALUE</c> when the alias does not (as MLflow answers).
    /// </exception>
    public async Task<ModelVersionDto> GetModelVersionByAliasAsync(string name, string alias, CancellationToken cancellationToken = default)
    {
        var response = await GetAsync("registered-models/alias", new QueryString().Add("name", name).Add("alias", alias), RegistryJson.ModelVersionResponse, cancellationToken);
        return response.ModelVersion;
    }
}
