using System.Text.Json;
using Cairn.Core.Pipelines;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Pipelines;

public sealed partial class EfPipelineStore
{
    private const int MaxLogChars = 256 * 1024;

    public async Task<IReadOnlyList<ExecutionInfo>> ListExecutionsAsync(string runId, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var rows = await db.Executions.Where(x => x.RunId == runId).OrderBy(x => x.Id).ToListAsync(cancellationToken);
        return await WithArtifactsAsync(db, rows, cancellationToken);
    }

    public async Task<ExecutionInfo?> GetExecutionAsync(long executionId, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var rows = await db.Executions.Where(x => x.Id == executionId).ToListAsync(cancellationToken);
        return (await WithArtifactsAsync(db, rows, cancellationToken)).FirstOrDefault();
    }

    public async Task<ExecutionInfo?> TryCreateExecutionAsync(string runId, string stepId, int attempt, ExecutionState state, string? error, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var now = Now();
        var entity = new ExecutionEntity
        {
            RunId = runId,
            StepId = stepId,
            Attempt = attempt,
            State = (int)state,
            CreatedTime = now,
            EndTime = state.IsFinished() ? now : null,
            Error = error,
        };
        db.Executions.Add(entity);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return null;
        }

        return ToExecution(entity, [], []);
    }

    public async Task<bool> TryStartExecutionAsync(long executionId, string worker, string? cacheKey, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var now = Now();
        return await db.Executions.Where(x => x.Id == executionId && x.State == (int)ExecutionState.New)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, (int)ExecutionState.Running).SetProperty(x => x.Worker, worker)
                .SetProperty(x => x.CacheKey, cacheKey).SetProperty(x => x.StartTime, now), cancellationToken) == 1;
    }

    public Task<bool> CompleteExecutionAsync(long executionId, IReadOnlyList<(string Slot, long ArtifactId)> inputs, IReadOnlyList<NewLineageArtifact> outputs, string? log, IReadOnlyDictionary<string, double>? metrics, CancellationToken cancellationToken) =>
        FinishRunningAsync(executionId, ExecutionState.Complete, null, inputs, outputs, log, metrics, cancellationToken);

    public Task<bool> FailExecutionAsync(long executionId, string error, IReadOnlyList<(string Slot, long ArtifactId)> inputs, IReadOnlyList<NewLineageArtifact> outputs, string? log, IReadOnlyDictionary<string, double>? metrics, CancellationToken cancellationToken) =>
        FinishRunningAsync(executionId, ExecutionState.Failed, error, inputs, outputs, log, metrics, cancellationToken);

    private async Task<bool> FinishRunningAsync(long executionId, ExecutionState state, string? error, IReadOnlyList<(string Slot, long ArtifactId)> inputs, IReadOnlyList<NewLineageArtifact> outputs, string? log, IReadOnlyDictionary<string, double>? metrics, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = Now();
        var trimmed = Trim(log);
        var metricsJson = metrics is { Count: > 0 }
            ? JsonSerializer.Serialize(new Dictionary<string, double>(metrics), PipelineStorageJsonContext.Default.DictionaryStringDouble)
            : null;
        var changed = await db.Executions.Where(x => x.Id == executionId && x.State == (int)ExecutionState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, (int)state).SetProperty(x => x.EndTime, now).SetProperty(x => x.Error, error)
                .SetProperty(x => x.Log, trimmed).SetProperty(x => x.MetricsJson, metricsJson), cancellationToken);
        if (changed != 1)
        {
            return false;
        }

        AddInputEvents(db, executionId, inputs);
        foreach (var output in outputs)
        {
            var artifact = new LineageArtifactEntity
            {
                Type = output.Type,
                Uri = output.Uri,
                ContentHash = output.ContentHash,
                PropertiesJson = output.PropertiesJson,
                CreatedTime = now,
            };
            db.LineageArtifacts.Add(artifact);
            await db.SaveChangesAsync(cancellationToken);
            db.LineageEvents.Add(new LineageEventEntity { ExecutionId = executionId, ArtifactId = artifact.Id, Kind = (int)LineageEventKind.Output, Slot = output.Slot });
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> RecordCachedExecutionAsync(long executionId, string cacheKey, long sourceExecutionId, IReadOnlyList<(string Slot, long ArtifactId)> inputs, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = Now();
        var sourceMetrics = await db.Executions.Where(x => x.Id == sourceExecutionId).Select(x => x.MetricsJson).FirstOrDefaultAsync(cancellationToken);
        var changed = await db.Executions.Where(x => x.Id == executionId && x.State == (int)ExecutionState.New)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, (int)ExecutionState.Cached).SetProperty(x => x.CacheKey, cacheKey)
                .SetProperty(x => x.StartTime, now).SetProperty(x => x.EndTime, now).SetProperty(x => x.CachedFromExecutionId, sourceExecutionId)
                .SetProperty(x => x.MetricsJson, sourceMetrics), cancellationToken);
        if (changed != 1)
        {
            return false;
        }

        AddInputEvents(db, executionId, inputs);
        var outputs = await db.LineageEvents.Where(e => e.ExecutionId == sourceExecutionId && e.Kind == (int)LineageEventKind.Output).ToListAsync(cancellationToken);
        foreach (var output in outputs)
        {
            db.LineageEvents.Add(new LineageEventEntity { ExecutionId = executionId, ArtifactId = output.ArtifactId, Kind = (int)LineageEventKind.Output, Slot = output.Slot });
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> EndExecutionAsync(long executionId, ExecutionState state, string? error, string? log, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var now = Now();
        var trimmed = Trim(log);
        return await db.Executions.Where(x => x.Id == executionId && (x.State == (int)ExecutionState.New || x.State == (int)ExecutionState.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, (int)state).SetProperty(x => x.EndTime, now)
                .SetProperty(x => x.Error, error).SetProperty(x => x.Log, trimmed), cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<ExecutionInfo>> FindCompleteByCacheKeyAsync(string cacheKey, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var rows = await db.Executions.Where(x => x.CacheKey == cacheKey && x.State == (int)ExecutionState.Complete)
            .OrderByDescending(x => x.Id).Take(5).ToListAsync(cancellationToken);
        return await WithArtifactsAsync(db, rows, cancellationToken);
    }

    private static void AddInputEvents(MetadataContext db, long executionId, IReadOnlyList<(string Slot, long ArtifactId)> inputs)
    {
        foreach (var (slot, artifactId) in inputs)
        {
            db.LineageEvents.Add(new LineageEventEntity { ExecutionId = executionId, ArtifactId = artifactId, Kind = (int)LineageEventKind.Input, Slot = slot });
        }
    }

    // The tail of a log is what explains a failure, so an over-long log keeps its end.
    private static string? Trim(string? log) => log is { Length: > MaxLogChars } ? "[...]\n" + log[^MaxLogChars..] : log;

    private static async Task<IReadOnlyList<ExecutionInfo>> WithArtifactsAsync(MetadataContext db, List<ExecutionEntity> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var events = await db.LineageEvents.Where(e => ids.Contains(e.ExecutionId)).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var artifactIds = events.Select(e => e.ArtifactId).Distinct().ToList();
        var artifacts = await db.LineageArtifacts.Where(a => artifactIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var byExecution = events.ToLookup(e => e.ExecutionId);
        return rows.Select(r =>
        {
            var own = byExecution[r.Id];
            return ToExecution(r,
                own.Where(e => e.Kind == (int)LineageEventKind.Input).Select(e => new ArtifactSlot(e.Slot, ToArtifact(artifacts[e.ArtifactId]))).ToList(),
                own.Where(e => e.Kind == (int)LineageEventKind.Output).Select(e => new ArtifactSlot(e.Slot, ToArtifact(artifacts[e.ArtifactId]))).ToList());
        }).ToList();
    }

    private static ExecutionInfo ToExecution(ExecutionEntity x, IReadOnlyList<ArtifactSlot> inputs, IReadOnlyList<ArtifactSlot> outputs) => new(
        x.Id, x.RunId, x.StepId, x.Attempt, (ExecutionState)x.State, x.CacheKey, x.Worker, x.CreatedTime, x.StartTime, x.EndTime,
        x.Error, x.Log, x.CachedFromExecutionId, inputs, outputs)
    {
        Metrics = x.MetricsJson is null
            ? new Dictionary<string, double>()
            : JsonSerializer.Deserialize(x.MetricsJson, PipelineStorageJsonContext.Default.DictionaryStringDouble) ?? [],
    };

    internal static LineageArtifact ToArtifact(LineageArtifactEntity a) => new(a.Id, a.Type, a.Uri, a.ContentHash, a.PropertiesJson, a.CreatedTime);
}
