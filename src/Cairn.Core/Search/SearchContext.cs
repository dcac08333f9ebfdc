namespace Cairn.Core.Search;

/// <summary>Which search a filter or order_by belongs to; each has its own keys, prefixes and comparators.</summary>
public enum SearchContext
{
    Runs,
    Experiments,
    RegisteredModels,
    ModelVersions,
    LoggedModels,
}
