using Cairn.Core.Errors;

namespace Cairn.Core.Search;

public static partial class SearchFilterParser
{
    private enum ValueKind
    {
        None,
        Number,
        String,
        List,
    }

    /// <summary>A comparison as written, before the context's rules give it a meaning.</summary>
    private sealed record RawClause(string Text, SearchToken Identifier, Comparator Comparator, string ComparatorText, RawValue Value);

    private sealed record RawValue(ValueKind Kind, string Raw)
    {
        public double Number { get; init; }

        public string? Text { get; init; }

        public IReadOnlyList<string>? List { get; init; }
    }

    private static List<RawClause> ParseClauses(string filter, List<SearchToken> tokens)
    {
        var clauses = new List<RawClause>();
        var i = 0;
        while (true)
        {
            clauses.Add(ParseClause(filter, tokens, ref i));
            if (i >= tokens.Count)
            {
                return clauses;
            }

            if (!tokens[i].IsKeyword("AND"))
            {
                throw InvalidClause(filter, tokens, i);
            }

            i++;
            if (i >= tokens.Count)
            {
                throw CairnException.InvalidParameter(
                    $"Invalid filter '{filter}': it ends with 'AND'. Each AND must join two comparisons.");
            }
        }
    }

    private static RawClause ParseClause(string filter, List<SearchToken> tokens, ref int i)
    {
        var first = tokens[i];
        if (first.Kind is SearchTokenKind.Keyword or SearchTokenKind.OpenParen or SearchTokenKind.CloseParen or SearchTokenKind.Comma)
        {
            throw InvalidClause(filter, tokens, i);
        }

        if (first.Kind != SearchTokenKind.Identifier)
        {
            throw CairnException.InvalidParameter(
                $"Invalid comparison clause in filter '{filter}': expected an identifier such as 'metrics.acc', 'params.lr' or 'attributes.status' but found '{first.Raw}'.");
        }

        i++;
        var (comparator, comparatorText) = ReadComparator(filter, tokens, ref i, first);
        RawValue value = comparator switch
        {
            Comparator.IsNull or Comparator.IsNotNull => new RawValue(ValueKind.None, string.Empty),
            Comparator.In or Comparator.NotIn => ReadList(filter, tokens, ref i, first, comparatorText),
            _ => ReadValue(filter, tokens, ref i, first, comparatorText),
        };

        var end = i < tokens.Count ? tokens[i].Start : filter.Length;
        return new RawClause(filter[first.Start..end].TrimEnd(), first, comparator, comparatorText, value);
    }

    private static (Comparator Comparator, string Text) ReadComparator(string filter, List<SearchToken> tokens, ref int i, SearchToken identifier)
    {
        if (i >= tokens.Count)
        {
            throw CairnException.InvalidParameter(
                $"Invalid comparison clause in filter '{filter}': expected a comparator after '{identifier.Raw}' but the filter ends.");
        }

        var token = tokens[i];
        i++;
        if (token.Kind == SearchTokenKind.Operator)
        {
            return token.Text switch
            {
                "=" => (Comparator.Equal, "="),
                "!=" => (Comparator.NotEqual, "!="),
                ">" => (Comparator.Greater, ">"),
                ">=" => (Comparator.GreaterOrEqual, ">="),
                "<" => (Comparator.Less, "<"),
                "<=" => (Comparator.LessOrEqual, "<="),
                _ => throw CairnException.InvalidParameter(
                    $"Invalid comparator '{token.Raw}' after '{identifier.Raw}'. Valid comparators are =, !=, >, >=, <, <=, LIKE, ILIKE, IN, NOT IN, IS NULL, IS NOT NULL."),
            };
        }

        if (token.IsKeyword("LIKE"))
        {
            return (Comparator.Like, "LIKE");
        }

        if (token.IsKeyword("ILIKE"))
        {
            return (Comparator.ILike, "ILIKE");
        }

        if (token.IsKeyword("IN"))
        {
            return (Comparator.In, "IN");
        }

        if (token.IsKeyword("NOT") && i < tokens.Count && tokens[i].IsKeyword("IN"))
        {
            i++;
            return (Comparator.NotIn, "NOT IN");
        }

        if (token.IsKeyword("IS"))
        {
            if (i < tokens.Count && tokens[i].IsKeyword("NULL"))
            {
                i++;
                return (Comparator.IsNull, "IS NULL");
            }

            if (i + 1 < tokens.Count && tokens[i].IsKeyword("NOT") && tokens[i + 1].IsKeyword("NULL"))
            {
                i += 2;
                return (Comparator.IsNotNull, "IS NOT NULL");
            }

            throw CairnException.InvalidParameter(
                $"Invalid comparison clause in filter '{filter}': 'IS' after '{identifier.Raw}' must be followed by NULL or NOT NULL.");
        }

        var found = token.IsKeyword("NOT") && i < tokens.Count ? $"{token.Raw} {tokens[i].Raw}" : token.Raw;
        throw CairnException.InvalidParameter(
            $"Invalid comparison clause in filter '{filter}': expected a comparator (=, !=, >, >=, <, <=, LIKE, ILIKE, IN, NOT IN, IS NULL, IS NOT NULL) after '{identifier.Raw}' but found '{found}'. Quote keys with special characters in backticks, e.g. metrics.`my-metric`.");
    }

    private static RawValue ReadValue(string filter, List<SearchToken> tokens, ref int i, SearchToken identifier, string comparator)
    {
        if (i >= tokens.Count)
        {
            throw CairnException.InvalidParameter(
                $"Invalid comparison clause in filter '{filter}': expected a value after '{identifier.Raw} {comparator}' but the filter ends.");
        }

        var token = tokens[i];
        i++;
        if (token.Kind == SearchTokenKind.Number)
        {
            return new RawValue(ValueKind.Number, token.Raw) { Number = token.Number };
        }

        if (token.Kind == SearchTokenKind.String || token.IsDoubleQuotedString)
        {
            return new RawValue(ValueKind.String, token.Raw) { Text = token.Text };
        }

        if (token.Kind == SearchTokenKind.OpenParen)
        {
            throw CairnException.InvalidParameter(
                $"Invalid comparison clause in filter '{filter}': a list of values is only allowed after IN or NOT IN, not after '{identifier.Raw} {comparator}'.");
        }

        throw CairnException.InvalidParameter(
            $"Invalid comparison clause in filter '{filter}': expected a number or a quoted string after '{identifier.Raw} {comparator}' but found '{token.Raw}'. Quote string values with single or double quotes.");
    }

    private static RawValue ReadList(string filter, List<SearchToken> tokens, ref int i, SearchToken identifier, string comparator)
    {
        var start = i;
        if (i >= tokens.Count || tokens[i].Kind != SearchTokenKind.OpenParen)
        {
            var found = i < tokens.Count ? $"'{tokens[i].Raw}'" : "the end of the filter";
            throw CairnException.InvalidParameter(
                $"Invalid comparison clause in filter '{filter}': '{identifier.Raw} {comparator}' expects a parenthesised list of quoted strings such as ('a', 'b') but found {found}.");
        }

        i++;
        var values = new List<string>();
        while (true)
        {
            if (i >= tokens.Count)
            {
                throw CairnException.InvalidParameter(
                    $"Invalid comparison clause in filter '{filter}': the list after '{identifier.Raw} {comparator}' is not closed with ')'.");
            }

            var token = tokens[i];
            if (token.Kind == SearchTokenKind.CloseParen && values.Count == 0)
            {
                throw CairnException.InvalidParameter(
                    $"Invalid comparison clause in filter '{filter}': the list after '{identifier.Raw} {comparator}' is empty; expected a non-empty list of quoted strings.");
            }

            if (token.Kind != SearchTokenKind.String && !token.IsDoubleQuotedString)
            {
                throw CairnException.InvalidParameter(
                    $"Invalid comparison clause in filter '{filter}': the list after '{identifier.Raw} {comparator}' may hold only quoted strings, but found '{token.Raw}'.");
            }

            values.Add(token.Text);
            i++;
            if (i < tokens.Count && tokens[i].Kind == SearchTokenKind.Comma)
            {
                i++;
                continue;
            }

            if (i < tokens.Count && tokens[i].Kind == SearchTokenKind.CloseParen)
            {
                i++;
                var end = tokens[i - 1].Start + 1;
                return new RawValue(ValueKind.List, filter[tokens[start].Start..end]) { List = values };
            }

            var found = i < tokens.Count ? $"'{tokens[i].Raw}'" : "the end of the filter";
            throw CairnException.InvalidParameter(
                $"Invalid comparison clause in filter '{filter}': expected ',' or ')' in the list after '{identifier.Raw} {comparator}' but found {found}.");
        }
    }

    /// <summary>MLflow's message for tokens that are not a comparison or AND, e.g. <c>'OR'</c> or a parenthesised group.</summary>
    private static CairnException InvalidClause(string filter, List<SearchToken> tokens, int index)
    {
        var token = tokens[index];
        var text = token.Raw;
        if (token.Kind == SearchTokenKind.OpenParen)
        {
            var depth = 0;
            var end = filter.Length;
            for (var j = index; j < tokens.Count; j++)
            {
                depth += tokens[j].Kind switch { SearchTokenKind.OpenParen => 1, SearchTokenKind.CloseParen => -1, _ => 0 };
                if (depth == 0)
                {
                    end = tokens[j].Start + 1;
                    break;
                }
            }

            text = filter[token.Start..end];
        }

        return CairnException.InvalidParameter(
            $"Invalid clause(s) in filter string: '{text}'. A filter is comparisons joined by AND; OR and parentheses are not supported.");
    }
}
