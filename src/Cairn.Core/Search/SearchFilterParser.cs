namespace Cairn.Core.Search;

// Placeholder until the search branch lands.
public static class SearchFilterParser
{
    public static IReadOnlyList<SearchComparison> Parse(string? filter, SearchContext context) => [];

    public static IReadOnlyList<OrderByClause> ParseOrderBy(IReadOnlyList<string>? orderBy, SearchContext context) => [];
}
