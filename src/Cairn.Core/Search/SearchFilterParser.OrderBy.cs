using Cairn.Core.Errors;

namespace Cairn.Core.Search;

public static partial class SearchFilterParser
{
    private static OrderByClause ParseOrderByEntry(string entry, SearchRules rules)
    {
        var tokens = SearchTokenizer.Tokenize(entry, "order_by clause");
        if (tokens.Count is 0 or > 2 || tokens[0].Kind != SearchTokenKind.Identifier)
        {
            throw InvalidOrderBy(entry);
        }

        var ascending = true;
        if (tokens.Count == 2)
        {
            if (tokens[1].IsKeyword("DESC"))
            {
                ascending = false;
            }
            else if (!tokens[1].IsKeyword("ASC"))
            {
                throw CairnException.InvalidParameter(
                    $"Invalid ordering key in order_by clause '{entry}': expected ASC or DESC after '{tokens[0].Raw}' but found '{tokens[1].Raw}'.");
            }
        }

        var (entity, key, _) = ResolveIdentifier(tokens[0], rules.OrderPrefixes, rules.OrderAttributes, rules, "order_by");
        return new OrderByClause(entity, key, ascending);
    }

    private static CairnException InvalidOrderBy(string entry) =>
        CairnException.InvalidParameter(
            $"Invalid order_by clause '{entry}'. Could not be parsed: expected '<identifier> [ASC|DESC]', e.g. 'metrics.acc DESC' or 'start_time'.");
}
