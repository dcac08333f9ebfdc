namespace Cairn.Core.Search;

/// <summary>One order_by key, e.g. <c>metrics.acc DESC</c>; attribute keys are canonical as in <see cref="SearchComparison"/>.</summary>
public sealed record OrderByClause(SearchEntity Entity, string Key, bool Ascending);
