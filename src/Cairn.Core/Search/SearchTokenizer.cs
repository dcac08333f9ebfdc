using System.Globalization;
using System.Text;
using Cairn.Core.Errors;

namespace Cairn.Core.Search;

/// <summary>
/// Splits a filter or order_by clause into tokens. It never interprets meaning (that is the parser's job),
/// so anything it does not recognise becomes an <see cref="SearchTokenKind.Other"/> token and the
/// parser reports it in context. Only an unterminated quote is an error here.
/// </summary>
internal static class SearchTokenizer
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "OR", "NOT", "IN", "IS", "NULL", "LIKE", "ILIKE", "ASC", "DESC",
    };

    public static List<SearchToken> Tokenize(string input, string what)
    {
        var tokens = new List<SearchToken>();
        var i = 0;
        while (i < input.Length)
        {
            var c = input[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (IsWordStart(c) || c is '`' or '"')
            {
                tokens.Add(ReadIdentifier(input, ref i, what));
            }
            else if (c == '\'')
            {
                var text = ReadQuoted(input, ref i, '\'', what);
                tokens.Add(new SearchToken(SearchTokenKind.String, input[start..i], start) { Text = text });
            }
            else if (char.IsAsciiDigit(c) || (c is '.' or '-' or '+' && StartsNumber(input, i + 1)))
            {
                tokens.Add(ReadNumber(input, ref i));
            }
            else if (c is '=' or '!' or '<' or '>')
            {
                tokens.Add(ReadOperator(input, ref i));
            }
            else
            {
                i++;
                var kind = c switch
                {
                    '(' => SearchTokenKind.OpenParen,
                    ')' => SearchTokenKind.CloseParen,
                    ',' => SearchTokenKind.Comma,
                    _ => SearchTokenKind.Other,
                };
                tokens.Add(new SearchToken(kind, input[start..i], start));
            }
        }

        return tokens;
    }

    private static bool IsWordStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool StartsNumber(string s, int i) =>
        i < s.Length && (char.IsAsciiDigit(s[i]) || (s[i] == '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])));

    private static SearchToken ReadIdentifier(string input, ref int i, string what)
    {
        var start = i;
        var parts = new List<IdentifierPart>();
        while (true)
        {
            var c = input[i];
            if (c is '`' or '"')
            {
                parts.Add(new IdentifierPart(ReadQuoted(input, ref i, c, what), c));
            }
            else
            {
                var partStart = i;
                while (i < input.Length && IsWordChar(input[i]))
                {
                    i++;
                }

                parts.Add(new IdentifierPart(input[partStart..i], '\0'));
            }

            // A dot continues the identifier only when another part follows it directly.
            if (i + 1 < input.Length && input[i] == '.' && (IsWordChar(input[i + 1]) || input[i + 1] is '`' or '"'))
            {
                i++;
                continue;
            }

            break;
        }

        var raw = input[start..i];
        if (i < input.Length && input[i] == '.')
        {
            // "metrics." or "metrics.-x": a dangling dot makes the whole thing unusable as a key.
            i++;
            return new SearchToken(SearchTokenKind.Other, input[start..i], start);
        }

        if (parts.Count == 1 && parts[0].Quote == '\0' && Keywords.Contains(parts[0].Text))
        {
            return new SearchToken(SearchTokenKind.Keyword, raw, start) { Text = parts[0].Text.ToUpperInvariant() };
        }

        return new SearchToken(SearchTokenKind.Identifier, raw, start) { Parts = parts, Text = string.Join('.', parts.Select(p => p.Text)) };
    }

    /// <summary>
    /// Reads a quoted run starting at <paramref name="i"/>. The quote is escaped by doubling it or by a
    /// backslash; <c>\\</c> is one backslash; any other backslash is kept as written (LIKE patterns use it).
    /// </summary>
    private static string ReadQuoted(string input, ref int i, char quote, string what)
    {
        var start = i;
        var sb = new StringBuilder();
        i++;
        while (i < input.Length)
        {
            var c = input[i];
            if (c == '\\' && i + 1 < input.Length && (input[i + 1] == quote || input[i + 1] == '\\'))
            {
                sb.Append(input[i + 1]);
                i += 2;
            }
            else if (c == quote)
            {
                if (i + 1 < input.Length && input[i + 1] == quote)
                {
                    sb.Append(quote);
                    i += 2;
                }
                else
                {
                    i++;
                    return sb.ToString();
                }
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }

        throw CairnException.InvalidParameter(
            $"Invalid {what} '{input}': the quoted text starting at position {start} ({input[start..]}) is not closed. Close it with a matching {quote}.");
    }

    private static SearchToken ReadNumber(string input, ref int i)
    {
        var start = i;
        if (input[i] is '-' or '+')
        {
            i++;
        }

        SkipDigits(input, ref i);
        if (i < input.Length && input[i] == '.')
        {
            i++;
            SkipDigits(input, ref i);
        }

        if (i < input.Length && input[i] is 'e' or 'E')
        {
            var mark = i;
            i++;
            if (i < input.Length && input[i] is '-' or '+')
            {
                i++;
            }

            if (i < input.Length && char.IsAsciiDigit(input[i]))
            {
                SkipDigits(input, ref i);
            }
            else
            {
                i = mark;
            }
        }

        if (i < input.Length && (IsWordChar(input[i]) || input[i] == '.'))
        {
            // "1abc", "1.2.3", "0x10": not a number and not a key either.
            while (i < input.Length && (IsWordChar(input[i]) || input[i] == '.'))
            {
                i++;
            }

            return new SearchToken(SearchTokenKind.Other, input[start..i], start);
        }

        var raw = input[start..i];
        var value = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        return new SearchToken(SearchTokenKind.Number, raw, start) { Number = value };
    }

    private static void SkipDigits(string input, ref int i)
    {
        while (i < input.Length && char.IsAsciiDigit(input[i]))
        {
            i++;
        }
    }

    private static SearchToken ReadOperator(string input, ref int i)
    {
        var start = i;
        var c = input[i];
        i++;
        var next = i < input.Length ? input[i] : '\0';
        if ((c is '=' or '!' or '<' or '>' && next == '=') || (c == '<' && next == '>'))
        {
            i++;
        }

        var raw = input[start..i];
        return new SearchToken(raw == "!" ? SearchTokenKind.Other : SearchTokenKind.Operator, raw, start);
    }
}
