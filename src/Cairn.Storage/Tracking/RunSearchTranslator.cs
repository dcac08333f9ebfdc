using System.Globalization;
using Cairn.Core.Search;
using Cairn.Core.Tracking;
using Cairn.Storage.Entities;

namespace Cairn.Storage.Tracking;

/// <summary>
/// Turns a parsed runs/search request into one EF query that runs entirely in SQL on SQLite and
/// PostgreSQL: filtered by experiment, view type and every AND-ed comparison, and fully ordered
/// (requested keys, then <c>start_time DESC</c>, then <c>run_id ASC</c>) so the caller's Skip/Take
/// pages are stable. Metric clauses read <c>latest_metrics</c>. A filter on a key that is not an
/// order key is a correlated EXISTS on the (run_id, key) primary key; an order key is a LEFT JOIN
/// on that key, which any filter on the same key reuses. Either way the cost grows with the runs of
/// the searched experiments only.
/// </summary>
internal static partial class RunSearchTranslator
{
    public static IQueryable<RunEntity> Apply(MetadataContext db, RunSearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);

        var experimentIds = ParseExperimentIds(query.ExperimentIds);
        IQueryable<RunEntity> runs = db.Runs.Where(r => experimentIds.Contains(r.ExperimentId));
        runs = query.ViewType switch
        {
            ViewType.ActiveOnly => runs.Where(r => r.LifecycleStage == LifecycleStage.Active),
            ViewType.DeletedOnly => runs.Where(r => r.LifecycleStage == LifecycleStage.Deleted),
            _ => runs,
        };

        var joinKeys = query.OrderBy
            .Where(o => o.Entity is SearchEntity.Metric or SearchEntity.Param or SearchEntity.Tag)
            .Select(o => (o.Entity, o.Key))
            .Distinct()
            .ToList();
        var onJoinedRows = new List<SearchComparison>();
        foreach (var comparison in query.Filter)
        {
            if (joinKeys.Contains((comparison.Entity, comparison.Key)))
            {
                onJoinedRows.Add(comparison);
            }
            else
            {
                runs = runs.Where(Predicate(comparison));
            }
        }

        var joined = JoinedRuns.Join(db, runs, joinKeys);
        foreach (var comparison in onJoinedRows)
        {
            joined.Where(JoinedPredicate(joined, comparison));
        }

        return Order(joined, query.OrderBy, onJoinedRows);
    }

    /// <summary>Experiment ids are numeric strings; anything else cannot name an experiment and so matches nothing.</summary>
    private static long[] ParseExperimentIds(IReadOnlyList<string> ids)
    {
        var parsed = new List<long>(ids.Count);
        foreach (var id in ids)
        {
            if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                parsed.Add(value);
            }
        }

        return [.. parsed.Distinct()];
    }
}
