using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Cairn.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Tracking;

internal static partial class RunSearchTranslator
{
    /// <summary>
    /// Provider-neutral expression pieces shared by the run and experiment translators. Values enter the
    /// tree as closure members so EF sends them as SQL parameters, never as SQL text.
    /// </summary>
    internal static class SearchExpressions
    {
        /// <summary>The escape character every LIKE gets, so SQLite and PostgreSQL read patterns the same way.</summary>
        public const string LikeEscape = "\\";

        private static readonly MethodInfo LikeMethod = typeof(DbFunctionsExtensions).GetMethod(
            nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

        private static readonly MethodInfo ToLowerMethod = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;

        private static readonly PropertyInfo FunctionsProperty = typeof(EF).GetProperty(nameof(EF.Functions))!;

        /// <summary>A value EF turns into a SQL parameter (a member of a captured object, like a C# closure).</summary>
        public static Expression Parameter<T>(T value) =>
            Expression.Field(Expression.Constant(new Box<T>(value)), nameof(Box<T>.Value));

        /// <summary>The comparison on a string column; a NULL column only ever matches IS NULL.</summary>
        public static Expression StringMatch(Expression column, SearchComparison c) => c.Comparator switch
        {
            Comparator.Equal => Expression.Equal(column, Parameter(Text(c))),
            Comparator.NotEqual => AndNotNull(column, Expression.NotEqual(column, Parameter(Text(c)))),
            Comparator.Like => Like(column, Parameter(LikePattern(Text(c)))),
            Comparator.ILike => Like(Lower(column), Lower(Expression.Call(typeof(EF), nameof(EF.Parameter), [typeof(string)], Parameter(LikePattern(Text(c)))))),
            Comparator.In => In(column, c),
            Comparator.NotIn => AndNotNull(column, Expression.Not(In(column, c))),
            Comparator.IsNull => Expression.Equal(column, Expression.Constant(null, typeof(string))),
            Comparator.IsNotNull => Expression.NotEqual(column, Expression.Constant(null, typeof(string))),
            _ => throw new ArgumentException($"Comparator {c.Comparator} does not apply to the string key '{c.Key}'.", nameof(c)),
        };

        /// <summary>
        /// A numeric comparison on an integer column (times). The bound is turned into an integer on the
        /// client so the column is compared as it is stored and its index stays usable.
        /// </summary>
        public static Expression NumberMatch(Expression column, SearchComparison c)
        {
            var value = c.Number ?? throw new ArgumentException($"The clause on '{c.Key}' has no number.", nameof(c));
            var nullable = Nullable.GetUnderlyingType(column.Type) is not null;
            var notNull = nullable ? Expression.NotEqual(column, Expression.Constant(null, column.Type)) : (Expression)Expression.Constant(true);

            // Past the long range every stored value is on one side of the bound.
            const double limit = 9.2e18;
            if (value >= limit || value <= -limit)
            {
                var above = value > 0;
                return c.Comparator switch
                {
                    Comparator.Equal => Expression.Constant(false),
                    Comparator.NotEqual => notNull,
                    Comparator.Greater or Comparator.GreaterOrEqual => above ? Expression.Constant(false) : notNull,
                    _ => above ? notNull : Expression.Constant(false),
                };
            }

            var integral = Math.Floor(value) == value;
            var floor = (long)Math.Floor(value);
            var ceiling = (long)Math.Ceiling(value);
            Expression Bound(long b) => Expression.Convert(Parameter(b), column.Type);
            return c.Comparator switch
            {
                Comparator.Equal => integral ? Expression.Equal(column, Bound(floor)) : Expression.Constant(false),
                Comparator.NotEqual => integral ? AndNotNull(column, Expression.NotEqual(column, Bound(floor))) : notNull,
                Comparator.Greater => Expression.GreaterThan(column, Bound(floor)),
                Comparator.GreaterOrEqual => Expression.GreaterThanOrEqual(column, Bound(ceiling)),
                Comparator.Less => Expression.LessThan(column, Bound(ceiling)),
                Comparator.LessOrEqual => Expression.LessThanOrEqual(column, Bound(floor)),
                _ => throw new ArgumentException($"Comparator {c.Comparator} does not apply to the numeric key '{c.Key}'.", nameof(c)),
            };
        }

        /// <summary>
        /// Makes a user pattern well-formed under <see cref="LikeEscape"/>: <c>\%</c>, <c>\_</c> and <c>\\</c>
        /// stay escapes; any other backslash is a literal one (PostgreSQL would reject a dangling escape).
        /// </summary>
        public static string LikePattern(string pattern)
        {
            if (!pattern.Contains('\\', StringComparison.Ordinal))
            {
                return pattern;
            }

            var sb = new StringBuilder(pattern.Length + 4);
            for (var i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] != '\\')
                {
                    sb.Append(pattern[i]);
                }
                else if (i + 1 < pattern.Length && pattern[i + 1] is '%' or '_' or '\\')
                {
                    sb.Append('\\').Append(pattern[i + 1]);
                    i++;
                }
                else
                {
                    sb.Append("\\\\");
                }
            }

            return sb.ToString();
        }

        /// <summary>Replaces a lambda's parameter with <paramref name="replacement"/> and returns its body.</summary>
        public static Expression Rebind(LambdaExpression lambda, Expression replacement) =>
            new ParameterReplacer(lambda.Parameters[0], replacement).Visit(lambda.Body);

        public static Expression<Func<T, bool>> Not<T>(Expression<Func<T, bool>> predicate) =>
            Expression.Lambda<Func<T, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

        private static string Text(SearchComparison c) =>
            c.Text ?? throw new ArgumentException($"The clause on '{c.Key}' has no string value.", nameof(c));

        private static Expression AndNotNull(Expression column, Expression test) =>
            column.Type.IsValueType && Nullable.GetUnderlyingType(column.Type) is null
                ? test
                : Expression.AndAlso(Expression.NotEqual(column, Expression.Constant(null, column.Type)), test);

        private static Expression Like(Expression column, Expression pattern) =>
            Expression.Call(LikeMethod, Expression.Property(null, FunctionsProperty), column, pattern, Expression.Constant(LikeEscape));

        private static Expression Lower(Expression value) => Expression.Call(value, ToLowerMethod);

        private static Expression In(Expression column, SearchComparison c)
        {
            var list = c.List ?? throw new ArgumentException($"The clause on '{c.Key}' has no list.", nameof(c));
            return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Parameter(list.ToArray()), column);
        }

        private sealed class Box<T>(T value)
        {
            public readonly T Value = value;
        }

        private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
        {
            protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
        }
    }
}
