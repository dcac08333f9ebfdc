using System.Globalization;
using Cairn.Core.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Tracking;

public sealed partial class EfTrackingStore
{
    /// <summary>One grouped query over the runs of the given experiments (the (experiment_id, start_time) index).</summary>
    public async Task<IReadOnlyList<ExperimentRunStats>> GetExperimentRunStatsAsync(IReadOnlyList<string> experimentIds, CancellationToken cancellationToken)
    {
        var ids = experimentIds
            .Select(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1)
            .Where(id => id >= 0)
            .Distinct()
            .ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        await using var db = factory.Create();
        var rows = await db.Runs
            .Where(r => ids.Contains(r.ExperimentId) && r.LifecycleStage == LifecycleStage.Active)
            .GroupBy(r => r.ExperimentId)
            .Select(g => new { g.Key, Count = g.Count(), LastStart = g.Max(r => (long?)r.StartTime), LastEnd = g.Max(r => r.EndTime) })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ExperimentRunStats(r.Key.ToString(CultureInfo.InvariantCulture), r.Count, r.LastStart, r.LastEnd))];
    }

    /// <summary>
    /// Two DISTINCT queries (metric keys, param keys) over the experiment's latest
    /// <see cref="ExperimentRunKeys.RecentRuns"/> runs: the (experiment_id, start_time) index picks them, the
    /// (run_id, key) primary keys give their keys, so the cost stays flat however many runs the experiment has.
    /// </summary>
    public async Task<ExperimentRunKeys> GetExperimentRunKeysAsync(string experimentId, int maxKeys, CancellationToken cancellationToken)
    {
        var id = ParseExperimentId(experimentId);
        await using var db = factory.Create();
        var runIds = db.Runs.Where(r => r.ExperimentId == id && r.LifecycleStage == LifecycleStage.Active)
            .OrderByDescending(r => r.StartTime).Take(ExperimentRunKeys.RecentRuns).Select(r => r.RunId);
        var metricKeys = await db.LatestMetrics.Where(m => runIds.Contains(m.RunId)).Select(m => m.Key).Distinct()
            .OrderBy(k => k).Take(maxKeys).ToListAsync(cancellationToken);
        var paramKeys = await db.Params.Where(p => runIds.Contains(p.RunId)).Select(p => p.Key).Distinct()
            .OrderBy(k => k).Take(maxKeys).ToListAsync(cancellationToken);

        // Providers collate differently; the UI's column order should not.
        return new ExperimentRunKeys([.. metricKeys.Order(StringComparer.Ordinal)], [.. paramKeys.Order(StringComparer.Ordinal)]);
    }
}
