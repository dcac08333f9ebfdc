using Cairn.Core.Tracking;

namespace Cairn.Core.Search;

/// <summary>A parsed runs/search request: every clause must hold (AND); order keys apply in turn.</summary>
public sealed record RunSearchQuery
{
    public required IReadOnlyList<string> ExperimentIds { get; init; }
    public IReadOnlyList<SearchComparison> Filter { get; init; } = [];
    public IReadOnlyList<OrderByClause> OrderBy { get; init; } = [];
    public ViewType ViewType { get; init; } = ViewType.ActiveOnly;
    public int MaxResults { get; init; } = 1000;
    public string? PageToken { get; init; }
}
