using Cairn.Core.Errors;
using Cairn.Core.Paging;
using Cairn.Core.Registry;
using Cairn.Core.Search;

namespace Cairn.Registry;

/// <summary>Model versions, stages, aliases and download locations.</summary>
public sealed partial class RegistryService
{
    /// <summary>
    /// Registers a version. A <c>models:/</c> source is resolved now, as MLflow does: a logged model
    /// (<c>models:/m-...</c>) gives the storage location and, when the request has none, the run id; a
    /// registry URI (<c>models:/name/3</c>, <c>models:/name@champion</c>) gives that version's location.
    /// </summary>
    public async Task<ModelVersion> CreateModelVersionAsync(NewModelVersion request, CancellationToken cancellationToken)
    {
        var version = request with
        {
            Name = RegistryValidation.ModelName(request.Name),
            Source = RegistryValidation.Source(request.Source),
            Tags = RegistryValidation.Tags(request.Tags),
            StorageLocation = null,
        };
        if (ModelUri.IsModelUri(version.Source))
        {
            var uri = ModelUri.Parse(version.Source);
            if (uri.ModelId is { } modelId)
            {
                version = version with { ModelId = version.ModelId ?? modelId };
                if (_loggedModels is not null)
                {
                    var logged = await _loggedModels.FindAsync(modelId, cancellationToken)
                        ?? throw CairnException.InvalidParameter(
                            $"Unable to fetch model from model URI source artifact location '{version.Source}': logged model {modelId} not found.");
                    version = version with { StorageLocation = logged.ArtifactUri, RunId = version.RunId ?? logged.SourceRunId };
                }
            }
            else
            {
                var target = await ResolveAsync(uri, version.Source, cancellationToken);
                version = version with { StorageLocation = target.DownloadUri };
            }
        }

        return await _store.CreateModelVersionAsync(version, cancellationToken);
    }

    public Task<ModelVersion> GetModelVersionAsync(string? name, string? version, CancellationToken cancellationToken) =>
        _store.GetModelVersionAsync(RegistryValidation.ModelName(name), RegistryValidation.Version(version), cancellationToken);

    public Task<Page<ModelVersion>> SearchModelVersionsAsync(
        string? filter, long? maxResults, IReadOnlyList<string>? orderBy, string? pageToken, CancellationToken cancellationToken) =>
        _store.SearchModelVersionsAsync(
            Query(filter, orderBy, pageToken, SearchContext.ModelVersions, RegistryValidation.MaxResults(maxResults, SearchVersionsDefault, SearchVersionsLimit)),
            cancellationToken);

    public Task<ModelVersion> UpdateModelVersionAsync(string? name, string? version, string? description, CancellationToken cancellationToken) =>
        _store.UpdateModelVersionAsync(RegistryValidation.ModelName(name), RegistryValidation.Version(version), description, cancellationToken);

    /// <summary>Moves a version to a stage; <paramref name="archiveExistingVersions"/> is only allowed for Staging and Production.</summary>
    public Task<ModelVersion> TransitionModelVersionStageAsync(string? name, string? version, string? stage, bool archiveExistingVersions, CancellationToken cancellationToken)
    {
        var validName = RegistryValidation.ModelName(name);
        var number = RegistryValidation.Version(version);
        if (string.IsNullOrEmpty(stage))
        {
            throw CairnException.MissingParameter("stage");
        }

        var canonical = ModelVersionStage.Canonicalize(stage);
        if (archiveExistingVersions && !ModelVersionStage.IsActive(canonical))
        {
            throw CairnException.InvalidParameter(
                $"Model version transition cannot archive existing model versions because '{stage}' is not an Active stage. Valid stages are {string.Join(", ", ModelVersionStage.Active)}.");
        }

        return _store.TransitionModelVersionStageAsync(validName, number, canonical, archiveExistingVersions, cancellationToken);
    }

    public Task DeleteModelVersionAsync(string? name, string? version, CancellationToken cancellationToken) =>
        _store.DeleteModelVersionAsync(RegistryValidation.ModelName(name), RegistryValidation.Version(version), cancellationToken);

    /// <summary>
    /// Where the version's files are: the storage location resolved at registration, else the source.
    /// A <c>models:/m-...</c> source registered before a logged-model resolver was available is resolved now.
    /// </summary>
    public async Task<string> GetDownloadUriAsync(string? name, string? version, CancellationToken cancellationToken)
    {
        var found = await GetModelVersionAsync(name, version, cancellationToken);
        if (found.StorageLocation is null && _loggedModels is not null && ModelUri.IsModelUri(found.Source)
            && ModelUri.Parse(found.Source).ModelId is { } modelId
            && await _loggedModels.FindAsync(modelId, cancellationToken) is { } logged)
        {
            return logged.ArtifactUri;
        }

        return found.DownloadUri;
    }

    public Task SetModelVersionTagAsync(string? name, string? version, string? key, string? value, CancellationToken cancellationToken) =>
        _store.SetModelVersionTagAsync(RegistryValidation.ModelName(name), RegistryValidation.Version(version), RegistryValidation.Tag(key, value), cancellationToken);

    public Task DeleteModelVersionTagAsync(string? name, string? version, string? key, CancellationToken cancellationToken) =>
        _store.DeleteModelVersionTagAsync(RegistryValidation.ModelName(name), RegistryValidation.Version(version), RegistryValidation.TagKey(key), cancellationToken);

    public Task SetAliasAsync(string? name, string? alias, string? version, CancellationToken cancellationToken) =>
        _store.SetAliasAsync(RegistryValidation.ModelName(name), RegistryValidation.Alias(alias), RegistryValidation.Version(version), cancellationToken);

    public Task DeleteAliasAsync(string? name, string? alias, CancellationToken cancellationToken) =>
        _store.DeleteAliasAsync(RegistryValidation.ModelName(name), RegistryValidation.Alias(alias), cancellationToken);

    public Task<ModelVersion> GetModelVersionByAliasAsync(string? name, string? alias, CancellationToken cancellationToken) =>
        _store.GetModelVersionByAliasAsync(RegistryValidation.ModelName(name), RegistryValidation.Alias(alias), cancellationToken);

    /// <summary>The version a registry URI names; anything that does not resolve is a 400 naming the source.</summary>
    private async Task<ModelVersion> ResolveAsync(ModelUri uri, string source, CancellationToken cancellationToken)
    {
        try
        {
            var name = RegistryValidation.ModelName(uri.Name);
            if (uri.Version is { } number)
            {
                return await _store.GetModelVersionAsync(name, number, cancellationToken);
            }

            if (uri.Alias is { } alias)
            {
                return await _store.GetModelVersionByAliasAsync(name, alias, cancellationToken);
            }

            var stages = uri.Latest ? [] : new[] { ModelVersionStage.Canonicalize(uri.Stage) };
            var latest = await _store.GetLatestVersionsAsync(name, stages, cancellationToken);
            return latest.MaxBy(v => v.Version)
                ?? throw CairnException.NotFound($"No versions of model with name '{name}'{(uri.Latest ? string.Empty : $" and stage '{stages[0]}'")} found");
        }
        catch (CairnException e)
        {
            throw new CairnException(ErrorCode.InvalidParameterValue,
                $"Unable to fetch model from model URI source artifact location '{source}': {e.Message}", e);
        }
    }
}
