using System.Linq.Expressions;
using Cairn.Core.Search;
using Cairn.Storage.Entities;

namespace Cairn.Storage.Tracking;

internal static partial class RunSearchTranslator
{
    /// <summary>
    /// Requested keys in turn, then <c>start_time DESC</c> (unless already a key), then <c>run_id ASC</c>.
    /// A metric, param or tag key first sorts on a rank that puts runs with a value first (for metrics:
    /// real values, then NaN, then missing) whatever the direction, so NULL placement never depends on
    /// the provider.
    /// </summary>
    private static IQueryable<RunEntity> Order(JoinedRuns joined, IReadOnlyList<OrderByClause> orderBy, IReadOnlyList<SearchComparison> joinedFilters)
    {
        var ordering = new Ordering(joined.Query);
        foreach (var clause in orderBy)
        {
            if (clause.Entity == SearchEntity.Attribute)
            {
                foreach (var (key, ascending) in AttributeKeys(clause.Key, clause.Ascending))
                {
                    ordering.By(joined.OverRun(key), ascending);
                }

                continue;
            }

            var row = joined.Rows[(clause.Entity, clause.Key)];

            // A filter on the same key already keeps only runs with a (real) value, so the rank would be
            // constant; leaving it out lets the database walk the (key, value) index in order and stop early.
            if (!joinedFilters.Any(f => f.Entity == clause.Entity && f.Key == clause.Key && f.Comparator != Comparator.IsNull))
            {
                ordering.By(joined.Over(row, r => Rank(r, clause.Entity)), true);
            }

            ordering.By(joined.Over(row, r => clause.Entity == SearchEntity.Metric
                ? Expression.Convert(Expression.Property(r, nameof(LatestMetricEntity.Value)), typeof(double?))
                : Expression.Property(r, "Value")), clause.Ascending);
        }

        if (!orderBy.Any(c => c.Entity == SearchEntity.Attribute && c.Key == "start_time"))
        {
            ordering.By(joined.OverRun((Expression<Func<RunEntity, long>>)(r => r.StartTime)), false);
        }

        if (!orderBy.Any(c => c.Entity == SearchEntity.Attribute && c.Key == "run_id"))
        {
            ordering.By(joined.OverRun((Expression<Func<RunEntity, string>>)(r => r.RunId)), true);
        }

        var query = ordering.Query;
        return query.Provider.CreateQuery<RunEntity>(Expression.Call(
            typeof(Queryable), nameof(Queryable.Select), [query.ElementType, typeof(RunEntity)], query.Expression, Expression.Quote(joined.Run)));
    }

    /// <summary>0 for a value, 1 for NaN (metrics), 2 (metrics) or 1 (params, tags) for a missing key.</summary>
    private static Expression Rank(Expression row, SearchEntity entity)
    {
        var missing = Expression.Equal(row, Expression.Constant(null, row.Type));
        if (entity != SearchEntity.Metric)
        {
            return Expression.Condition(missing, Expression.Constant(1), Expression.Constant(0));
        }

        return Expression.Condition(
            missing,
            Expression.Constant(2),
            Expression.Condition(Expression.Property(row, nameof(LatestMetricEntity.IsNaN)), Expression.Constant(1), Expression.Constant(0)));
    }

    /// <summary>Sort keys over RunEntity for an attribute; nullable columns get a rank that puts NULL last.</summary>
    private static IEnumerable<(LambdaExpression Key, bool Ascending)> AttributeKeys(string attribute, bool asc)
    {
        switch (attribute)
        {
            case "run_id":
                yield return (Key(r => r.RunId), asc);
                break;
            case "run_name":
                yield return (Key(r => r.Name), asc);
                break;
            case "status":
                // MLflow stores the status name, so it sorts alphabetically; we store the enum number.
                var codes = RunStatusNames.AlphabeticalCodes;
                yield return (Key(r => r.Status == codes[0] ? 0 : r.Status == codes[1] ? 1 : r.Status == codes[2] ? 2 : r.Status == codes[3] ? 3 : 4), asc);
                break;
            case "user_id":
                yield return (Key(r => r.UserId == null ? 1 : 0), true);
                yield return (Key(r => r.UserId), asc);
                break;
            case "artifact_uri":
                yield return (Key(r => r.ArtifactUri), asc);
                break;
            case "start_time":
                yield return (Key(r => r.StartTime), asc);
                break;
            case "end_time":
                yield return (Key(r => r.EndTime == null ? 1 : 0), true);
                yield return (Key(r => r.EndTime), asc);
                break;
            case "experiment_id":
                yield return (Key(r => r.ExperimentId), asc);
                break;
            case "lifecycle_stage":
                yield return (Key(r => r.LifecycleStage), asc);
                break;
            default:
                throw new ArgumentException($"Runs cannot be ordered by attribute '{attribute}'; the parser should have rejected it.", nameof(attribute));
        }
    }

    private static LambdaExpression Key<TKey>(Expression<Func<RunEntity, TKey>> key) => key;

    /// <summary>Chains OrderBy/ThenBy on any element type, one key at a time.</summary>
    internal sealed class Ordering(IQueryable source)
    {
        private bool _ordered;

        public IQueryable Query { get; private set; } = source;

        public void By(LambdaExpression key, bool ascending)
        {
            var method = (_ordered ? nameof(Queryable.ThenBy) : nameof(Queryable.OrderBy)) + (ascending ? string.Empty : "Descending");
            Query = Query.Provider.CreateQuery(Expression.Call(
                typeof(Queryable), method, [Query.ElementType, key.ReturnType], Query.Expression, Expression.Quote(key)));
            _ordered = true;
        }
    }
}
