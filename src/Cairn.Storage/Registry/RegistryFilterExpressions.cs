using System.Globalization;
using System.Linq.Expressions;
using Cairn.Core.Errors;
using Cairn.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Registry;

/// <summary>
/// Turns parsed filter comparisons into SQL-translatable predicates. LIKE is case-sensitive on both
/// providers (SQLite connections set case_sensitive_like); ILIKE lowers both sides.
/// </summary>
internal static class RegistryFilterExpressions
{
    /// <summary>A predicate on a string column, e.g. <c>name LIKE 'fraud-%'</c>.</summary>
    public static Expression<Func<T, bool>> String<T>(Expression<Func<T, string?>> column, SearchComparison comparison) =>
        Compose(column, StringTest(comparison));

    /// <summary>A predicate on an integer column compared with a number, e.g. <c>version_number &gt;= 2</c>.</summary>
    public static Expression<Func<T, bool>> Number<T>(Expression<Func<T, long>> column, SearchComparison comparison)
    {
        var number = comparison.Number
            ?? (double.TryParse(comparison.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : (double?)null)
            ?? throw CairnException.InvalidParameter($"Expected a numeric value for '{comparison.Key}' in the filter.");
        Expression<Func<long, bool>> test = comparison.Comparator switch
        {
            Comparator.Equal => x => x == number,
            Comparator.NotEqual => x => x != number,
            Comparator.Greater => x => x > number,
            Comparator.GreaterOrEqual => x => x >= number,
            Comparator.Less => x => x < number,
            Comparator.LessOrEqual => x => x <= number,
            _ => throw Unsupported(comparison),
        };
        return Compose(column, test);
    }

    /// <summary>
    /// Whether a comparison on a tag is negative: <c>!=</c>, <c>NOT IN</c> and <c>IS NULL</c> hold when
    /// no tag with that key satisfies the positive form, so an entity without the tag matches them.
    /// </summary>
    public static bool IsNegative(Comparator comparator) =>
        comparator is Comparator.NotEqual or Comparator.NotIn or Comparator.IsNull;

    /// <summary>The positive form of a tag comparison (see <see cref="IsNegative"/>).</summary>
    public static SearchComparison Positive(SearchComparison comparison) => comparison with
    {
        Comparator = comparison.Comparator switch
        {
            Comparator.NotEqual => Comparator.Equal,
            Comparator.NotIn => Comparator.In,
            Comparator.IsNull => Comparator.IsNotNull,
            var other => other,
        },
    };

    private static Expression<Func<string?, bool>> StringTest(SearchComparison comparison)
    {
        switch (comparison.Comparator)
        {
            case Comparator.IsNull:
                return s => s == null;
            case Comparator.IsNotNull:
                return s => s != null;
            case Comparator.In or Comparator.NotIn:
                var list = (comparison.List ?? throw Unsupported(comparison)).ToArray();
                return comparison.Comparator == Comparator.In ? s => list.Contains(s!) : s => !list.Contains(s!);
        }

        var text = comparison.Text ?? throw CairnException.InvalidParameter(
            $"Expected a quoted string value for '{comparison.Key}' in the filter.");
        switch (comparison.Comparator)
        {
            case Comparator.Equal:
                return s => s == text;
            case Comparator.NotEqual:
                return s => s != text;
            case Comparator.Like:
                return s => EF.Functions.Like(s, text);
            case Comparator.ILike:
                var lowered = text.ToLowerInvariant();
                return s => EF.Functions.Like(s!.ToLower(), lowered);
            default:
                throw Unsupported(comparison);
        }
    }

    private static CairnException Unsupported(SearchComparison comparison) =>
        CairnException.InvalidParameter($"Invalid comparator '{comparison.Comparator}' for '{comparison.Key}' in the filter.");

    private static Expression<Func<T, bool>> Compose<T, TValue>(Expression<Func<T, TValue>> column, Expression<Func<TValue, bool>> test)
    {
        var body = new ParameterReplacer(test.Parameters[0], column.Body).Visit(test.Body);
        return Expression.Lambda<Func<T, bool>>(body, column.Parameters);
    }

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
