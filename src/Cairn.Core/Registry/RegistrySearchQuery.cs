using Cairn.Core.Search;

namespace Cairn.Core.Registry;

/// <summary>
/// A parsed registered-models/search or model-versions/search request. Every filter clause must hold
/// (AND). Attribute keys: <c>name</c> for models; <c>name</c>, <c>run_id</c>, <c>source_path</c>,
/// <c>version_number</c> for versions. Order keys: <c>name</c>, <c>creation_timestamp</c>,
/// <c>last_updated_timestamp</c> (and <c>version_number</c> for versions).
/// </summary>
public sealed record RegistrySearchQuery
{
    public IReadOnlyList<SearchComparison> Filter { get; init; } = [];
    public IReadOnlyList<OrderByClause> OrderBy { get; init; } = [];
    public int MaxResults { get; init; } = 100;
    public string? PageToken { get; init; }
}
