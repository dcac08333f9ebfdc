using System.Text.Json;
using Cairn.Core;
using Cairn.Core.Pipelines;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Pipelines;

/// <summary>
/// Pipelines, runs, executions and lineage on EF Core. State changes are conditional updates
/// (<c>WHERE state = expected</c>) so two workers racing on one attempt cannot both win.
/// </summary>
public sealed partial class EfPipelineStore(IMetadataContextFactory factory, TimeProvider time) : IPipelineStore
{
    private readonly IMetadataContextFactory _factory = factory;
    private readonly TimeProvider _time = time;

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<PipelineVersionInfo> GetOrCreateVersionAsync(string pipelineName, string specHash, string specText, CancellationToken cancellationToken)
    {
        // Two submissions of a new pipeline at once: the loser of the unique index retries and finds the winner's rows.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var db = _factory.Create();
                await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
                var now = Now();
                var pipeline = await db.Pipelines.AsTracking().SingleOrDefaultAsync(p => p.Name == pipelineName, cancellationToken);
                if (pipeline is null)
                {
                    pipeline = new PipelineEntity { Name = pipelineName, CreatedTime = now, LastRunTime = now };
                    db.Pipelines.Add(pipeline);
                    await db.SaveChangesAsync(cancellationToken);
                }

                var version = await db.PipelineVersions.SingleOrDefaultAsync(v => v.PipelineId == pipeline.Id && v.SpecHash == specHash, cancellationToken);
                if (version is null)
                {
                    version = new PipelineVersionEntity { PipelineId = pipeline.Id, SpecHash = specHash, SpecText = specText, CreatedTime = now };
                    db.PipelineVersions.Add(version);
                    await db.SaveChangesAsync(cancellationToken);
                }

                await tx.CommitAsync(cancellationToken);
                return new PipelineVersionInfo(version.Id, pipeline.Id, pipeline.Name, version.SpecHash, version.SpecText, version.CreatedTime);
            }
            catch (DbUpdateException e) when (attempt < 3 && UniqueViolation.Is(e))
            {
                // Retry: the row now exists.
            }
        }
    }

    public async Task<PipelineVersionInfo?> GetVersionAsync(long versionId, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        return await db.PipelineVersions.Where(v => v.Id == versionId)
            .Select(v => new PipelineVersionInfo(v.Id, v.PipelineId, v.Pipeline.Name, v.SpecHash, v.SpecText, v.CreatedTime))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<PipelineRunInfo> CreateRunAsync(NewPipelineRun run, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var now = Now();
        var entity = new PipelineRunEntity
        {
            RunId = Ids.NewRunId(),
            PipelineVersionId = run.PipelineVersionId,
            ParamsJson = JsonSerializer.Serialize(run.Params.ToDictionary(), PipelineStorageJsonContext.Default.DictionaryStringString),
            Trigger = run.Trigger,
            NoCache = run.NoCache,
            Status = (int)PipelineRunStatus.Running,
            CreatedTime = now,
        };
        db.PipelineRuns.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        var version = await db.PipelineVersions.Where(v => v.Id == run.PipelineVersionId).Select(v => v.PipelineId).SingleAsync(cancellationToken);
        await db.Pipelines.Where(p => p.Id == version).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastRunTime, now), cancellationToken);
        return (await GetRunAsync(entity.RunId, cancellationToken))!;
    }

    public async Task<PipelineRunInfo?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var rows = await RunsQuery(db).Where(r => r.RunId == runId).ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : ToRun(rows[0]);
    }

    public async Task<IReadOnlyList<PipelineInfo>> ListPipelinesAsync(CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        return await db.Pipelines.OrderBy(p => p.Name)
            .Select(p => new PipelineInfo(p.Id, p.Name, p.CreatedTime, p.LastRunTime, db.PipelineVersions.Count(v => v.PipelineId == p.Id)))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PipelineRunInfo>> ListRunsAsync(string pipelineName, int maxResults, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var rows = await RunsQuery(db).Where(r => r.PipelineVersion.Pipeline.Name == pipelineName)
            .OrderByDescending(r => r.CreatedTime).ThenByDescending(r => r.RunId).Take(maxResults).ToListAsync(cancellationToken);
        return rows.Select(ToRun).ToList();
    }

    public async Task<IReadOnlyList<string>> ListUnfinishedRunIdsAsync(CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        return await db.PipelineRuns.Where(r => r.Status == (int)PipelineRunStatus.Running).OrderBy(r => r.CreatedTime)
            .Select(r => r.RunId).ToListAsync(cancellationToken);
    }

    public async Task<bool> FinishRunAsync(
        string runId, PipelineRunStatus status, string? error, IReadOnlyCollection<string> notRunSteps, string? notRunReason, CancellationToken cancellationToken)
    {
        // A concurrent coordinator may create an execution for one of the steps between our read and
        // our insert; the unique (run, step, attempt) key then rolls everything back and we look again.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = _factory.Create();
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = Now();
            var changed = await db.PipelineRuns.Where(r => r.RunId == runId && r.Status == (int)PipelineRunStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, (int)status).SetProperty(r => r.EndTime, now).SetProperty(r => r.Error, error), cancellationToken);
            if (changed == 1 && notRunSteps.Count > 0)
            {
                var started = await db.Executions.Where(e => e.RunId == runId).Select(e => e.StepId).Distinct().ToListAsync(cancellationToken);
                foreach (var stepId in notRunSteps.Except(started))
                {
                    db.Executions.Add(new ExecutionEntity
                    {
                        RunId = runId, StepId = stepId, Attempt = 1, State = (int)ExecutionState.Canceled,
                        CreatedTime = now, EndTime = now, Error = notRunReason,
                    });
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await tx.CommitAsync(cancellationToken);
                return changed == 1;
            }
            catch (DbUpdateException e) when (attempt < 3 && UniqueViolation.Is(e))
            {
                await tx.RollbackAsync(cancellationToken);
            }
        }
    }

    public async Task<string> SetTrackingRunIdAsync(string runId, string trackingRunId, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        await db.PipelineRuns.Where(r => r.RunId == runId && r.TrackingRunId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.TrackingRunId, trackingRunId), cancellationToken);
        return await db.PipelineRuns.Where(r => r.RunId == runId).Select(r => r.TrackingRunId).FirstAsync(cancellationToken) ?? trackingRunId;
    }

    private static IQueryable<PipelineRunEntity> RunsQuery(MetadataContext db) =>
        db.PipelineRuns.Include(r => r.PipelineVersion).ThenInclude(v => v.Pipeline);

    private static PipelineRunInfo ToRun(PipelineRunEntity r) => new(
        r.RunId,
        r.PipelineVersion.Pipeline.Name,
        r.PipelineVersionId,
        r.PipelineVersion.SpecHash,
        JsonSerializer.Deserialize(r.ParamsJson, PipelineStorageJsonContext.Default.DictionaryStringString) ?? [],
        r.Trigger,
        r.NoCache,
        (PipelineRunStatus)r.Status,
        r.CreatedTime,
        r.EndTime,
        r.Error,
        r.TrackingRunId);
}
