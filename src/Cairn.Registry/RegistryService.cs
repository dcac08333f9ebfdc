using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Core.Registry;
using Cairn.Core.Search;

namespace Cairn.Registry;

/// <summary>
/// The model registry's use cases: validates input with MLflow's rules and messages, resolves
/// <c>models:/</c> sources, then calls the store. Every method throws <see cref="Core.Errors.CairnException"/>
/// for bad input (INVALID_PARAMETER_VALUE naming the field) and unknown models or versions
/// (RESOURCE_DOES_NOT_EXIST).
/// </summary>
public sealed partial class RegistryService(IRegistryStore store, ILoggedModelResolver? loggedModels = null)
{
    /// <summary>The tag MLflow puts on prompts (which live in the registry); searches leave prompts out unless asked.</summary>
    public const string PromptTag = "mlflow.prompt.is_prompt";

    public const int SearchModelsDefault = 100;
    public const int SearchModelsLimit = 1000;
    public const int SearchVersionsDefault = 10_000;
    public const int SearchVersionsLimit = 200_000;

    private readonly IRegistryStore _store = store;
    private readonly ILoggedModelResolver? _loggedModels = loggedModels;

    public Task<RegisteredModel> CreateRegisteredModelAsync(string? name, IReadOnlyList<KeyValue>? tags, string? description, CancellationToken cancellationToken) =>
        _store.CreateRegisteredModelAsync(
            new NewRegisteredModel { Name = RegistryValidation.ModelName(name), Tags = RegistryValidation.Tags(tags), Description = description },
            cancellationToken);

    public Task<RegisteredModel> GetRegisteredModelAsync(string? name, CancellationToken cancellationToken) =>
        _store.GetRegisteredModelAsync(RegistryValidation.ModelName(name), cancellationToken);

    public Task<Page<RegisteredModel>> SearchRegisteredModelsAsync(
        string? filter, long? maxResults, IReadOnlyList<string>? orderBy, string? pageToken, CancellationToken cancellationToken) =>
        _store.SearchRegisteredModelsAsync(
            Query(filter, orderBy, pageToken, SearchContext.RegisteredModels, RegistryValidation.MaxResults(maxResults, SearchModelsDefault, SearchModelsLimit)),
            cancellationToken);

    public Task<RegisteredModel> UpdateRegisteredModelAsync(string? name, string? description, CancellationToken cancellationToken) =>
        _store.UpdateRegisteredModelAsync(RegistryValidation.ModelName(name), description, cancellationToken);

    public Task<RegisteredModel> RenameRegisteredModelAsync(string? name, string? newName, CancellationToken cancellationToken) =>
        _store.RenameRegisteredModelAsync(RegistryValidation.ModelName(name), RegistryValidation.ModelName(newName, "new_name"), cancellationToken);

    public Task DeleteRegisteredModelAsync(string? name, CancellationToken cancellationToken) =>
        _store.DeleteRegisteredModelAsync(RegistryValidation.ModelName(name), cancellationToken);

    public Task SetRegisteredModelTagAsync(string? name, string? key, string? value, CancellationToken cancellationToken) =>
        _store.SetRegisteredModelTagAsync(RegistryValidation.ModelName(name), RegistryValidation.Tag(key, value), cancellationToken);

    public Task DeleteRegisteredModelTagAsync(string? name, string? key, CancellationToken cancellationToken) =>
        _store.DeleteRegisteredModelTagAsync(RegistryValidation.ModelName(name), RegistryValidation.TagKey(key), cancellationToken);

    /// <summary>The highest version in each requested stage (any case: "production"), all stages when none are given.</summary>
    public Task<IReadOnlyList<ModelVersion>> GetLatestVersionsAsync(string? name, IReadOnlyList<string>? stages, CancellationToken cancellationToken) =>
        _store.GetLatestVersionsAsync(
            RegistryValidation.ModelName(name),
            [.. (stages ?? []).Select(ModelVersionStage.Canonicalize).Distinct()],
            cancellationToken);

    /// <summary>
    /// Parses filter and order_by for a registry search. Prompts (tagged <see cref="PromptTag"/> = true)
    /// are left out unless the filter asks for them, as MLflow does; the rule is expressed as the clause
    /// <c>tags.`mlflow.prompt.is_prompt` != 'true'</c>, which an entity without the tag satisfies.
    /// </summary>
    private static RegistrySearchQuery Query(string? filter, IReadOnlyList<string>? orderBy, string? pageToken, SearchContext context, int maxResults)
    {
        var comparisons = SearchFilterParser.Parse(filter, context);
        var order = SearchFilterParser.ParseOrderBy(orderBy, context);
        if (!QueriesPrompts(comparisons))
        {
            comparisons =
            [
                .. comparisons.Where(c => !(c.Entity == SearchEntity.Tag && c.Key == PromptTag)),
                new SearchComparison(SearchEntity.Tag, PromptTag, Comparator.NotEqual) { Text = "true" },
            ];
        }

        return new RegistrySearchQuery { Filter = comparisons, OrderBy = order, MaxResults = maxResults, PageToken = pageToken };
    }

    private static bool QueriesPrompts(IReadOnlyList<SearchComparison> comparisons)
    {
        var clause = comparisons.FirstOrDefault(c => c.Entity == SearchEntity.Tag && c.Key == PromptTag);
        return clause is not null
            && ((clause.Comparator == Comparator.Equal && string.Equals(clause.Text, "true", StringComparison.OrdinalIgnoreCase))
                || (clause.Comparator == Comparator.NotEqual && string.Equals(clause.Text, "false", StringComparison.OrdinalIgnoreCase)));
    }
}
