using System.Linq.Expressions;
using Cairn.Core.Search;
using Cairn.Storage.Entities;

namespace Cairn.Storage.Tracking;

internal static partial class RunSearchTranslator
{
    /// <summary>
    /// The runs query with one LEFT JOIN per metric, param or tag used as an order key: the joined row
    /// serves the ORDER BY (rank and value) and any filter on the same key, so each such key costs one
    /// primary-key lookup per run instead of a correlated subquery per use. Each join wraps the element
    /// type in a <see cref="Pair{TA,TB}"/>; <see cref="Run"/> and <see cref="Rows"/> are accessors
    /// from the current element type, rebased after every join.
    /// </summary>
    private sealed class JoinedRuns
    {
        private JoinedRuns(IQueryable query, LambdaExpression run, Dictionary<(SearchEntity, string), LambdaExpression> rows)
        {
            Query = query;
            Run = run;
            Rows = rows;
        }

        public IQueryable Query { get; private set; }

        /// <summary>element → RunEntity.</summary>
        public LambdaExpression Run { get; }

        /// <summary>(entity, key) → element → the joined row (null when the run has no such key).</summary>
        public IReadOnlyDictionary<(SearchEntity Entity, string Key), LambdaExpression> Rows { get; }

        public static JoinedRuns Join(MetadataContext db, IQueryable<RunEntity> runs, IEnumerable<(SearchEntity Entity, string Key)> keys)
        {
            Expression<Func<RunEntity, RunEntity>> identity = r => r;
            var state = new JoinedRuns(runs, identity, []);
            foreach (var (entity, key) in keys)
            {
                state = entity switch
                {
                    SearchEntity.Metric => state.LeftJoin(db.LatestMetrics.Where(m => m.Key == key), (entity, key)),
                    SearchEntity.Param => state.LeftJoin(db.Params.Where(p => p.Key == key), (entity, key)),
                    SearchEntity.Tag => state.LeftJoin(db.RunTags.Where(t => t.Key == key), (entity, key)),
                    _ => throw new ArgumentException($"Cannot join {entity} '{key}'.", nameof(keys)),
                };
            }

            return state;
        }

        public void Where(LambdaExpression predicate) =>
            Query = Query.Provider.CreateQuery(Expression.Call(
                typeof(Queryable), nameof(Queryable.Where), [Query.ElementType], Query.Expression, Expression.Quote(predicate)));

        /// <summary>Builds a lambda over the element type from the body of an accessor.</summary>
        public LambdaExpression Over(LambdaExpression accessor, Func<Expression, Expression> body) =>
            Expression.Lambda(body(accessor.Body), accessor.Parameters);

        /// <summary>Rebases a lambda over RunEntity (e.g. <c>r => r.StartTime</c>) onto the element type.</summary>
        public LambdaExpression OverRun(LambdaExpression onRun) =>
            Over(Run, run => SearchExpressions.Rebind(onRun, run));

        private JoinedRuns LeftJoin<TRow>(IQueryable<TRow> rows, (SearchEntity, string) id)
            where TRow : class
        {
            var element = Query.ElementType;
            var pairType = typeof(Pair<,>).MakeGenericType(element, typeof(TRow));
            var outer = Expression.Lambda(Expression.Property(Run.Body, nameof(RunEntity.RunId)), Run.Parameters);
            var row = Expression.Parameter(typeof(TRow), "row");
            var inner = Expression.Lambda(Expression.Property(row, "RunId"), row);
            var a = Expression.Parameter(element, "a");
            var b = Expression.Parameter(typeof(TRow), "b");
            var result = Expression.Lambda(
                Expression.MemberInit(
                    Expression.New(pairType),
                    Expression.Bind(pairType.GetProperty(nameof(Pair<object, object>.A))!, a),
                    Expression.Bind(pairType.GetProperty(nameof(Pair<object, object>.B))!, b)),
                a,
                b);
            var joined = Query.Provider.CreateQuery(Expression.Call(
                typeof(Queryable),
                nameof(Queryable.LeftJoin),
                [element, typeof(TRow), typeof(string), pairType],
                Query.Expression,
                rows.Expression,
                Expression.Quote(outer),
                Expression.Quote(inner),
                Expression.Quote(result)));

            var pair = Expression.Parameter(pairType, "p");
            var previous = Expression.Property(pair, nameof(Pair<object, object>.A));
            LambdaExpression Rebase(LambdaExpression accessor) => Expression.Lambda(SearchExpressions.Rebind(accessor, previous), pair);
            var accessors = Rows.ToDictionary(r => r.Key, r => Rebase(r.Value));
            accessors[id] = Expression.Lambda(Expression.Property(pair, nameof(Pair<object, object>.B)), pair);
            return new JoinedRuns(joined, Rebase(Run), accessors);
        }
    }

    /// <summary>An intermediate row of the join chain; EF translates member access on it back to columns.</summary>
    internal sealed class Pair<TA, TB>
    {
        public required TA A { get; init; }

        public TB? B { get; init; }
    }
}
