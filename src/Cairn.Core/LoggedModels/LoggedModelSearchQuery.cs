using Cairn.Core.Search;

namespace Cairn.Core.LoggedModels;

/// <summary>
/// A parsed logged-models/search request. Filter clauses all hold (AND). <see cref="Datasets"/>, when
/// set, restricts metric clauses and metric order keys to metrics logged against those datasets.
/// </summary>
public sealed record LoggedModelSearchQuery
{
    public required IReadOnlyList<string> ExperimentIds { get; init; }
    public IReadOnlyList<SearchComparison> Filter { get; init; } = [];
    public IReadOnlyList<LoggedModelOrderBy> OrderBy { get; init; } = [];
    public IReadOnlyList<LoggedModelDatasetFilter> Datasets { get; init; } = [];
    public int MaxResults { get; init; } = LoggedModelLimits.DefaultSearchResults;
    public string? PageToken { get; init; }
}

/// <summary>One order key: an attribute (<c>name</c>, <c>creation_timestamp</c>, ...) or <c>metrics.&lt;key&gt;</c>.</summary>
public sealed record LoggedModelOrderBy(string FieldName, bool Ascending)
{
    public string? DatasetName { get; init; }
    public string? DatasetDigest { get; init; }
}

/// <summary>A dataset named in the search request; a null digest matches any digest of that name.</summary>
public sealed record LoggedModelDatasetFilter(string DatasetName, string? DatasetDigest);
