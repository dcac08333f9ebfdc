using System.Linq.Expressions;
using Cairn.Core.Search;
using Cairn.Storage.Entities;

namespace Cairn.Storage.Tracking;

internal static partial class RunSearchTranslator
{
    private static Expression<Func<RunEntity, bool>> Predicate(SearchComparison c) => c.Entity switch
    {
        SearchEntity.Metric => MetricPredicate(c),
        SearchEntity.Param => KeyValuePredicate<ParamEntity>(c, r => r.Params),
        SearchEntity.Tag => KeyValuePredicate<RunTagEntity>(c, r => r.Tags),
        SearchEntity.Dataset => DatasetPredicate(c),
        SearchEntity.Attribute => AttributePredicate(c),
        _ => throw new ArgumentOutOfRangeException(nameof(c), c.Entity, "Unknown search entity."),
    };

    /// <summary>The run's latest value must exist, be a number (NaN never matches) and satisfy the comparison.</summary>
    private static Expression<Func<RunEntity, bool>> MetricPredicate(SearchComparison c)
    {
        var metric = Expression.Parameter(typeof(LatestMetricEntity), "m");
        var body = Expression.AndAlso(
            Expression.Equal(Expression.Property(metric, nameof(LatestMetricEntity.Key)), SearchExpressions.Parameter(c.Key)),
            MetricValueMatch(metric, c));
        return AnyOf<LatestMetricEntity>(r => r.LatestMetrics, Expression.Lambda<Func<LatestMetricEntity, bool>>(body, metric));
    }

    /// <summary><c>!m.IsNaN &amp;&amp; m.Value &lt;op&gt; value</c> for a latest-metric row.</summary>
    private static Expression MetricValueMatch(Expression metric, SearchComparison c)
    {
        var value = c.Number ?? throw new ArgumentException($"Metric clause on '{c.Key}' has no number.", nameof(c));
        Expression<Func<LatestMetricEntity, bool>> match = c.Comparator switch
        {
            Comparator.Equal => m => m.Value == value,
            Comparator.NotEqual => m => m.Value != value,
            Comparator.Greater => m => m.Value > value,
            Comparator.GreaterOrEqual => m => m.Value >= value,
            Comparator.Less => m => m.Value < value,
            Comparator.LessOrEqual => m => m.Value <= value,
            _ => throw Unsupported(c),
        };
        return Expression.AndAlso(
            Expression.Not(Expression.Property(metric, nameof(LatestMetricEntity.IsNaN))),
            SearchExpressions.Rebind(match, metric));
    }

    /// <summary>The same semantics as <see cref="Predicate"/>, on the row a LEFT JOIN brought in for an order key.</summary>
    private static LambdaExpression JoinedPredicate(JoinedRuns joined, SearchComparison c) =>
        joined.Over(joined.Rows[(c.Entity, c.Key)], row =>
        {
            var present = Expression.NotEqual(row, Expression.Constant(null, row.Type));
            return (c.Entity, c.Comparator) switch
            {
                (SearchEntity.Metric, _) => Expression.AndAlso(present, MetricValueMatch(row, c)),
                (_, Comparator.IsNull) => Expression.Equal(row, Expression.Constant(null, row.Type)),
                (_, Comparator.IsNotNull) => present,
                _ => Expression.AndAlso(present, SearchExpressions.StringMatch(Expression.Property(row, "Value"), c)),
            };
        });

    /// <summary>
    /// Params and tags: a run without the key matches only IS NULL (MLflow: a missing key never matches
    /// <c>!=</c>), so every other comparator is an EXISTS over rows with that key.
    /// </summary>
    private static Expression<Func<RunEntity, bool>> KeyValuePredicate<T>(SearchComparison c, Expression<Func<RunEntity, IEnumerable<T>>> rows)
        where T : class
    {
        var row = Expression.Parameter(typeof(T), "x");
        Expression keyMatch = Expression.Equal(Expression.Property(row, "Key"), SearchExpressions.Parameter(c.Key));
        if (c.Comparator is Comparator.IsNull or Comparator.IsNotNull)
        {
            var exists = AnyOf(rows, Expression.Lambda<Func<T, bool>>(keyMatch, row));
            return c.Comparator == Comparator.IsNotNull ? exists : SearchExpressions.Not(exists);
        }

        var valueMatch = SearchExpressions.StringMatch(Expression.Property(row, "Value"), c);
        return AnyOf(rows, Expression.Lambda<Func<T, bool>>(Expression.AndAlso(keyMatch, valueMatch), row));
    }

    /// <summary>True when any of the run's dataset inputs satisfies the clause (MLflow's semantics, <c>!=</c> included).</summary>
    private static Expression<Func<RunEntity, bool>> DatasetPredicate(SearchComparison c)
    {
        Expression<Func<RunDatasetInputEntity, string?>> column = c.Key switch
        {
            "name" => d => d.Dataset!.Name,
            "digest" => d => d.Dataset!.Digest,
            "context" => d => d.Context,
            _ => throw Unsupported(c),
        };
        var input = column.Parameters[0];
        return AnyOf<RunDatasetInputEntity>(
            r => r.DatasetInputs,
            Expression.Lambda<Func<RunDatasetInputEntity, bool>>(SearchExpressions.StringMatch(column.Body, c), input));
    }

    private static Expression<Func<RunEntity, bool>> AttributePredicate(SearchComparison c)
    {
        var run = Expression.Parameter(typeof(RunEntity), "r");
        Expression body = c.Key switch
        {
            "run_id" => SearchExpressions.StringMatch(Expression.Property(run, nameof(RunEntity.RunId)), c),
            "run_name" => SearchExpressions.StringMatch(Expression.Property(run, nameof(RunEntity.Name)), c),
            "user_id" => SearchExpressions.StringMatch(Expression.Property(run, nameof(RunEntity.UserId)), c),
            "artifact_uri" => SearchExpressions.StringMatch(Expression.Property(run, nameof(RunEntity.ArtifactUri)), c),
            "lifecycle_stage" => SearchExpressions.StringMatch(Expression.Property(run, nameof(RunEntity.LifecycleStage)), c),
            "status" => RunStatusNames.Match(Expression.Property(run, nameof(RunEntity.Status)), c),
            "start_time" => SearchExpressions.NumberMatch(Expression.Property(run, nameof(RunEntity.StartTime)), c),
            "end_time" => SearchExpressions.NumberMatch(Expression.Property(run, nameof(RunEntity.EndTime)), c),
            _ => throw Unsupported(c),
        };
        return Expression.Lambda<Func<RunEntity, bool>>(body, run);
    }

    /// <summary><c>r => r.Rows.Any(match)</c>, which EF turns into a correlated EXISTS.</summary>
    private static Expression<Func<RunEntity, bool>> AnyOf<T>(Expression<Func<RunEntity, IEnumerable<T>>> rows, Expression<Func<T, bool>> match)
    {
        var any = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(T)], rows.Body, match);
        return Expression.Lambda<Func<RunEntity, bool>>(any, rows.Parameters);
    }

    private static ArgumentException Unsupported(SearchComparison c) =>
        new($"The runs search cannot translate {c.Entity} '{c.Key}' with {c.Comparator}; the parser should have rejected it.", nameof(c));
}
