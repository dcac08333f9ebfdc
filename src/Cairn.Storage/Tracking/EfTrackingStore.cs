using Cairn.Core.Errors;
using Cairn.Core.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Tracking;

/// <summary>
/// The tracking store on EF Core, for SQLite and PostgreSQL alike. Reads and rare writes use LINQ;
/// the logging hot path (<see cref="LogBatchAsync"/>) uses prepared statements in one transaction, with
/// binary COPY for metric history on PostgreSQL. Partial files hold each aspect.
/// </summary>
public sealed partial class EfTrackingStore(IMetadataContextFactory factory, TimeProvider time) : ITrackingStore
{
    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    private static long ParseExperimentId(string experimentId) =>
        long.TryParse(experimentId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : throw CairnException.NotFound($"No Experiment with id={experimentId} exists");

    private static async Task<Entities.RunEntity> FindRunAsync(MetadataContext db, string runId, CancellationToken cancellationToken) =>
        await db.Runs.AsTracking().FirstOrDefaultAsync(r => r.RunId == runId, cancellationToken)
        ?? throw CairnException.NotFound($"Run with id={runId} not found");

    private static void EnsureActive(string runId, string lifecycleStage)
    {
        if (lifecycleStage != LifecycleStage.Active)
        {
            throw CairnException.InvalidParameter(
                $"The run {runId} must be in the 'active' state. Current state is {lifecycleStage}.");
        }
    }
}
