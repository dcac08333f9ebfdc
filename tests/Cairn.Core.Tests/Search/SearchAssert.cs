using System.Globalization;
using Cairn.Core.Errors;
using Cairn.Core.Search;

namespace Cairn.Core.Tests.Search;

/// <summary>Compact text forms of parsed clauses, so table-driven tests can state the exact AST in one string.</summary>
internal static class SearchAssert
{
    // "Metric acc > 0.9", "Param lr = '0.1'", "Attribute run_id IN ['a','b']", "Tag k IS NULL".
    public static string Format(SearchComparison c)
    {
        var value = c.Number is { } n ? n.ToString("R", CultureInfo.InvariantCulture)
            : c.Text is { } t ? $"'{t}'"
            : c.List is { } l ? "[" + string.Join(",", l.Select(x => $"'{x}'")) + "]"
            : null;
        var op = SearchRulesText(c.Comparator);
        return value is null ? $"{c.Entity} {c.Key} {op}" : $"{c.Entity} {c.Key} {op} {value}";
    }

    public static string Format(IReadOnlyList<SearchComparison> list) => string.Join(" && ", list.Select(Format));

    public static string Format(OrderByClause o) => $"{o.Entity} {o.Key} {(o.Ascending ? "ASC" : "DESC")}";

    public static string Format(IReadOnlyList<OrderByClause> list) => string.Join(", ", list.Select(Format));

    public static CairnException Rejects(Action action)
    {
        var ex = Assert.Throws<CairnException>(action);
        Assert.Equal(ErrorCode.InvalidParameterValue, ex.Code);
        return ex;
    }

    private static string SearchRulesText(Comparator c) => c switch
    {
        Comparator.Equal => "=",
        Comparator.NotEqual => "!=",
        Comparator.Greater => ">",
        Comparator.GreaterOrEqual => ">=",
        Comparator.Less => "<",
        Comparator.LessOrEqual => "<=",
        Comparator.Like => "LIKE",
        Comparator.ILike => "ILIKE",
        Comparator.In => "IN",
        Comparator.NotIn => "NOT IN",
        Comparator.IsNull => "IS NULL",
        _ => "IS NOT NULL",
    };
}
