using System.Linq.Expressions;
using Cairn.Core.Search;
using Cairn.Core.Tracking;
using Cairn.Storage.Entities;
using static Cairn.Storage.Tracking.RunSearchTranslator;

namespace Cairn.Storage.Tracking;

/// <summary>
/// Turns a parsed experiments/search request into one SQL query: view type, every AND-ed clause on
/// name, creation_time, last_update_time and tags, and a total order (MLflow's default is
/// <c>creation_time DESC, experiment_id ASC</c>; otherwise <c>experiment_id DESC</c> breaks ties).
/// </summary>
internal static class ExperimentSearchTranslator
{
    public static IQueryable<ExperimentEntity> Apply(MetadataContext db, ExperimentSearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);

        IQueryable<ExperimentEntity> experiments = db.Experiments;
        experiments = query.ViewType switch
        {
            ViewType.ActiveOnly => experiments.Where(e => e.LifecycleStage == LifecycleStage.Active),
            ViewType.DeletedOnly => experiments.Where(e => e.LifecycleStage == LifecycleStage.Deleted),
            _ => experiments,
        };

        foreach (var comparison in query.Filter)
        {
            experiments = experiments.Where(Predicate(comparison));
        }

        return Order(experiments, query.OrderBy);
    }

    private static Expression<Func<ExperimentEntity, bool>> Predicate(SearchComparison c)
    {
        var experiment = Expression.Parameter(typeof(ExperimentEntity), "e");
        if (c.Entity == SearchEntity.Tag)
        {
            return TagPredicate(c);
        }

        Expression body = (c.Entity, c.Key) switch
        {
            (SearchEntity.Attribute, "name") => SearchExpressions.StringMatch(Expression.Property(experiment, nameof(ExperimentEntity.Name)), c),
            (SearchEntity.Attribute, "creation_time") => SearchExpressions.NumberMatch(Expression.Property(experiment, nameof(ExperimentEntity.CreationTime)), c),
            (SearchEntity.Attribute, "last_update_time") => SearchExpressions.NumberMatch(Expression.Property(experiment, nameof(ExperimentEntity.LastUpdateTime)), c),
            _ => throw new ArgumentException($"The experiments search cannot translate {c.Entity} '{c.Key}'; the parser should have rejected it.", nameof(c)),
        };
        return Expression.Lambda<Func<ExperimentEntity, bool>>(body, experiment);
    }

    /// <summary>As for runs, a missing tag matches only IS NULL.</summary>
    private static Expression<Func<ExperimentEntity, bool>> TagPredicate(SearchComparison c)
    {
        var key = c.Key;
        if (c.Comparator is Comparator.IsNull or Comparator.IsNotNull)
        {
            return c.Comparator == Comparator.IsNull
                ? e => !e.Tags.Any(t => t.Key == key)
                : e => e.Tags.Any(t => t.Key == key);
        }

        var tag = Expression.Parameter(typeof(ExperimentTagEntity), "t");
        var match = Expression.Lambda<Func<ExperimentTagEntity, bool>>(
            Expression.AndAlso(
                Expression.Equal(Expression.Property(tag, nameof(ExperimentTagEntity.Key)), SearchExpressions.Parameter(key)),
                SearchExpressions.StringMatch(Expression.Property(tag, nameof(ExperimentTagEntity.Value)), c)),
            tag);
        return e => e.Tags.AsQueryable().Any(match);
    }

    private static IQueryable<ExperimentEntity> Order(IQueryable<ExperimentEntity> experiments, IReadOnlyList<OrderByClause> orderBy)
    {
        var ordering = new Ordering(experiments);
        if (orderBy.Count == 0)
        {
            ordering.By(Key(e => e.CreationTime), false);
            ordering.By(Key(e => e.Id), true);
            return (IQueryable<ExperimentEntity>)ordering.Query;
        }

        foreach (var clause in orderBy)
        {
            var key = clause.Key switch
            {
                "name" => Key(e => e.Name),
                "experiment_id" => Key(e => e.Id),
                "creation_time" => Key(e => e.CreationTime),
                "last_update_time" => Key(e => e.LastUpdateTime),
                _ => throw new ArgumentException($"Experiments cannot be ordered by '{clause.Key}'; the parser should have rejected it.", nameof(orderBy)),
            };
            ordering.By(key, clause.Ascending);
        }

        if (!orderBy.Any(c => c.Key == "experiment_id"))
        {
            ordering.By(Key(e => e.Id), false);
        }

        return (IQueryable<ExperimentEntity>)ordering.Query;
    }

    private static LambdaExpression Key<TKey>(Expression<Func<ExperimentEntity, TKey>> key) => key;
}
