using Cairn.Core.Errors;

namespace Cairn.Core.Search;

/// <summary>
/// Parses MLflow's search grammar: a filter is comparisons joined by AND (OR and parentheses are
/// rejected), an order_by entry is <c>&lt;identifier&gt; [ASC|DESC]</c>. Every problem is a
/// <see cref="CairnException"/> with INVALID_PARAMETER_VALUE whose message names the offending token
/// and the rule; values are always data (they are never spliced into SQL), so odd input is either
/// rejected here or compared literally.
/// </summary>
public static partial class SearchFilterParser
{
    /// <summary>Empty/null/whitespace filter → empty list; otherwise one comparison per AND-ed clause.</summary>
    public static IReadOnlyList<SearchComparison> Parse(string? filter, SearchContext context)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return [];
        }

        var rules = SearchRules.For(context);
        var tokens = SearchTokenizer.Tokenize(filter, "filter");
        var clauses = ParseClauses(filter, tokens);
        return [.. clauses.Select(c => Resolve(c, rules))];
    }

    /// <summary>Null/empty → empty list; each entry is validated for the context and duplicates are rejected.</summary>
    public static IReadOnlyList<OrderByClause> ParseOrderBy(IReadOnlyList<string>? orderBy, SearchContext context)
    {
        if (orderBy is null || orderBy.Count == 0)
        {
            return [];
        }

        var rules = SearchRules.For(context);
        var result = new List<OrderByClause>(orderBy.Count);
        foreach (var entry in orderBy)
        {
            var clause = ParseOrderByEntry(entry ?? string.Empty, rules);
            if (result.Any(c => c.Entity == clause.Entity && c.Key == clause.Key))
            {
                throw CairnException.InvalidParameter(
                    $"order_by contains duplicate fields: '{entry}' repeats the key '{clause.Key}'. Each key may appear once.");
            }

            result.Add(clause);
        }

        return result;
    }
}
