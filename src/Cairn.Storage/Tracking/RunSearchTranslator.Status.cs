using System.Linq.Expressions;
using System.Text;
using System.Text.RegularExpressions;
using Cairn.Core.Search;
using Cairn.Core.Tracking;

namespace Cairn.Storage.Tracking;

internal static partial class RunSearchTranslator
{
    /// <summary>
    /// Runs store their status as MLflow's enum number, but the grammar compares names ('FINISHED').
    /// With only five names the clause is decided here for each of them, and SQL gets a plain
    /// <c>status IN (...)</c> over the numbers that match.
    /// </summary>
    internal static class RunStatusNames
    {
        private static readonly (string Name, int Code)[] All =
            [.. Enum.GetValues<RunStatus>().Select(s => (s.ToString().ToUpperInvariant(), (int)s))];

        /// <summary>Status names in alphabetical order, for ordering by status as MLflow (which stores the name) does.</summary>
        public static readonly int[] AlphabeticalCodes = [.. All.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => s.Code)];

        public static Expression Match(Expression statusColumn, SearchComparison c)
        {
            var codes = All.Where(s => Matches(s.Name, c)).Select(s => s.Code).ToArray();
            return codes.Length switch
            {
                0 => Expression.Constant(false),
                1 => Expression.Equal(statusColumn, SearchExpressions.Parameter(codes[0])),
                _ => Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)], SearchExpressions.Parameter(codes), statusColumn),
            };
        }

        private static bool Matches(string name, SearchComparison c) => c.Comparator switch
        {
            Comparator.Equal => name == c.Text,
            Comparator.NotEqual => name != c.Text,
            Comparator.Like => LikeMatches(name, c.Text!, ignoreCase: false),
            Comparator.ILike => LikeMatches(name, c.Text!, ignoreCase: true),
            Comparator.In => c.List!.Contains(name),
            Comparator.NotIn => !c.List!.Contains(name),
            _ => throw new ArgumentException($"Comparator {c.Comparator} does not apply to 'status'.", nameof(c)),
        };

        /// <summary>LIKE with the same escape rules as the SQL side (<see cref="SearchExpressions.LikePattern"/>).</summary>
        internal static bool LikeMatches(string value, string pattern, bool ignoreCase)
        {
            var regex = new StringBuilder("^");
            var normalized = SearchExpressions.LikePattern(pattern);
            for (var i = 0; i < normalized.Length; i++)
            {
                var ch = normalized[i];
                if (ch == '\\' && i + 1 < normalized.Length)
                {
                    regex.Append(Regex.Escape(normalized[++i].ToString()));
                }
                else
                {
                    regex.Append(ch switch { '%' => ".*", '_' => ".", _ => Regex.Escape(ch.ToString()) });
                }
            }

            var options = RegexOptions.Singleline | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
            return Regex.IsMatch(value, regex.Append('$').ToString(), options, TimeSpan.FromSeconds(1));
        }
    }
}
