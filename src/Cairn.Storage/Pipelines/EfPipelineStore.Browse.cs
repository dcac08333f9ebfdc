using Cairn.Core.Pipelines;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Pipelines;

/// <summary>Queries for browsing pipelines (the web UI): versions without their texts, the latest run of each pipeline.</summary>
public sealed partial class EfPipelineStore
{
    public async Task<IReadOnlyList<PipelineVersionSummary>> ListVersionsAsync(string pipelineName, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        return await db.PipelineVersions.Where(v => v.Pipeline.Name == pipelineName)
            .OrderByDescending(v => v.CreatedTime).ThenByDescending(v => v.Id)
            .Select(v => new PipelineVersionSummary(
                v.Id,
                v.SpecHash,
                v.CreatedTime,
                db.PipelineRuns.Count(r => r.PipelineVersionId == v.Id),
                db.PipelineRuns.Where(r => r.PipelineVersionId == v.Id).Max(r => (long?)r.CreatedTime)))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PipelineRunInfo>> ListLatestRunsAsync(CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        // A run's creation stamps its pipeline's LastRunTime with the same clock value, so the newest run
        // of each pipeline is the one created at that time (two in the same millisecond: the larger id wins below).
        var rows = await RunsQuery(db).Where(r => r.CreatedTime == r.PipelineVersion.Pipeline.LastRunTime).ToListAsync(cancellationToken);
        return rows.Select(ToRun)
            .GroupBy(r => r.PipelineName, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(r => r.RunId, StringComparer.Ordinal).First())
            .OrderBy(r => r.PipelineName, StringComparer.Ordinal)
            .ToList();
    }
}
