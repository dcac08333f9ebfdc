using Cairn.Core.Paging;

namespace Cairn.Core.Registry;

/// <summary>
/// Persistence of the model registry. Inputs are already validated by the registry service.
/// Implementations are atomic per call (a call that throws has written nothing) and throw
/// <see cref="Errors.CairnException"/>: RESOURCE_DOES_NOT_EXIST for an unknown model or version,
/// RESOURCE_ALREADY_EXISTS for a duplicate model name.
/// </summary>
public interface IRegistryStore
{
    Task<RegisteredModel> CreateRegisteredModelAsync(NewRegisteredModel model, CancellationToken cancellationToken);

    Task<RegisteredModel> GetRegisteredModelAsync(string name, CancellationToken cancellationToken);

    Task<Page<RegisteredModel>> SearchRegisteredModelsAsync(RegistrySearchQuery query, CancellationToken cancellationToken);

    Task<RegisteredModel> UpdateRegisteredModelAsync(string name, string? description, CancellationToken cancellationToken);

    /// <summary>Renames a model; its versions, tags and aliases move with it.</summary>
    Task<RegisteredModel> RenameRegisteredModelAsync(string name, string newName, CancellationToken cancellationToken);

    /// <summary>Deletes a model with all its versions, tags and aliases.</summary>
    Task DeleteRegisteredModelAsync(string name, CancellationToken cancellationToken);

    Task SetRegisteredModelTagAsync(string name, KeyValue tag, CancellationToken cancellationToken);

    /// <summary>Deletes a tag; a missing tag is not an error, a missing model is.</summary>
    Task DeleteRegisteredModelTagAsync(string name, string key, CancellationToken cancellationToken);

    /// <summary>The highest version of each of <paramref name="stages"/> (all stages when empty).</summary>
    Task<IReadOnlyList<ModelVersion>> GetLatestVersionsAsync(string name, IReadOnlyList<string> stages, CancellationToken cancellationToken);

    Task<ModelVersion> CreateModelVersionAsync(NewModelVersion version, CancellationToken cancellationToken);

    Task<ModelVersion> GetModelVersionAsync(string name, long version, CancellationToken cancellationToken);

    Task<Page<ModelVersion>> SearchModelVersionsAsync(RegistrySearchQuery query, CancellationToken cancellationToken);

    Task<ModelVersion> UpdateModelVersionAsync(string name, long version, string? description, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a version to a canonical stage, optionally archiving the other versions in that stage,
    /// and keeps the stage aliases as described on <see cref="ModelVersionStage"/>.
    /// </summary>
    Task<ModelVersion> TransitionModelVersionStageAsync(string name, long version, string stage, bool archiveExistingVersions, CancellationToken cancellationToken);

    /// <summary>Deletes a version, its tags and the aliases pointing at it; its number is never reused.</summary>
    Task DeleteModelVersionAsync(string name, long version, CancellationToken cancellationToken);

    Task SetModelVersionTagAsync(string name, long version, KeyValue tag, CancellationToken cancellationToken);

    Task DeleteModelVersionTagAsync(string name, long version, string key, CancellationToken cancellationToken);

    /// <summary>Points an alias at a version (moving it if it pointed elsewhere).</summary>
    Task SetAliasAsync(string name, string alias, long version, CancellationToken cancellationToken);

    /// <summary>Deletes an alias; a missing alias is not an error, a missing model is.</summary>
    Task DeleteAliasAsync(string name, string alias, CancellationToken cancellationToken);

    /// <summary>
    /// The version an alias points at. An unknown alias of an existing model is INVALID_PARAMETER_VALUE
    /// ("Registered model alias X not found."), as MLflow answers; an unknown model is RESOURCE_DOES_NOT_EXIST.
    /// </summary>
    Task<ModelVersion> GetModelVersionByAliasAsync(string name, string alias, CancellationToken cancellationToken);
}
