using Cairn.Core.Tracking;

namespace Cairn.Core.Search;

/// <summary>A parsed experiments/search request (attributes <c>name</c>, <c>creation_time</c>, <c>last_update_time</c>, and tags).</summary>
public sealed record ExperimentSearchQuery
{
    public IReadOnlyList<SearchComparison> Filter { get; init; } = [];
    public IReadOnlyList<OrderByClause> OrderBy { get; init; } = [];
    public ViewType ViewType { get; init; } = ViewType.ActiveOnly;
    public int MaxResults { get; init; } = 1000;
    public string? PageToken { get; init; }
}
