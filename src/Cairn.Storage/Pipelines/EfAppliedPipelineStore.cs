using System.Text.Json;
using Cairn.Core.Pipelines;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Pipelines;

/// <summary>Applied pipelines and their trigger state on EF Core.</summary>
public sealed class EfAppliedPipelineStore(IMetadataContextFactory factory, TimeProvider time) : IAppliedPipelineStore
{
    private readonly IMetadataContextFactory _factory = factory;
    private readonly TimeProvider _time = time;

    public async Task<AppliedPipeline> ApplyAsync(AppliedPipelineWrite write, CancellationToken cancellationToken)
    {
        // Two applies of a new pipeline at once: the loser of the unique name index retries and updates the winner's row.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var db = _factory.Create();
                await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
                var entity = await db.AppliedPipelines.AsTracking().Include(p => p.Triggers)
                    .SingleOrDefaultAsync(p => p.Name == write.Name, cancellationToken);
                if (entity is null)
                {
                    entity = new AppliedPipelineEntity { Name = write.Name, SpecText = "", FileName = "", ParamsJson = "{}" };
                    db.AppliedPipelines.Add(entity);
                }

                entity.SpecText = write.SpecText;
                entity.FileName = write.FileName;
                entity.WorkingDirectory = write.WorkingDirectory;
                entity.ParamsJson = JsonSerializer.Serialize(write.Params.ToDictionary(), PipelineStorageJsonContext.Default.DictionaryStringString);
                entity.AppliedTime = _time.GetUtcNow().ToUnixTimeMilliseconds();

                // Same definition = same trigger: it keeps what it has seen (reports, dataset version, cool-down).
                var keys = write.Triggers.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
                foreach (var gone in entity.Triggers.Where(t => !keys.Contains(t.Key)).ToList())
                {
                    db.PipelineTriggers.Remove(gone);
                    entity.Triggers.Remove(gone);
                }

                for (var i = 0; i < write.Triggers.Count; i++)
                {
                    var t = write.Triggers[i];
                    var row = entity.Triggers.FirstOrDefault(x => x.Key == t.Key);
                    if (row is null)
                    {
                        row = new PipelineTriggerEntity { Key = t.Key, Kind = t.Kind, Description = t.Description, DefinitionJson = t.DefinitionJson };
                        entity.Triggers.Add(row);
                    }

                    row.Position = i;
                    row.Kind = t.Kind;
                    row.Description = t.Description;
                    row.DefinitionJson = t.DefinitionJson;
                }

                await db.SaveChangesAsync(cancellationToken);
                await tx.CommitAsync(cancellationToken);
                return ToApplied(entity);
            }
            catch (DbUpdateException e) when (attempt < 3 && UniqueViolation.Is(e))
            {
                // Retry: the row now exists.
            }
        }
    }

    public async Task<AppliedPipeline?> GetAppliedAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var entity = await db.AppliedPipelines.Include(p => p.Triggers).SingleOrDefaultAsync(p => p.Name == name, cancellationToken);
        return entity is null ? null : ToApplied(entity);
    }

    public async Task<IReadOnlyList<AppliedPipeline>> ListAppliedAsync(CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var entities = await db.AppliedPipelines.Include(p => p.Triggers).OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return entities.Select(ToApplied).ToList();
    }

    public async Task SaveTriggerStateAsync(TriggerState state, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        await db.PipelineTriggers.Where(t => t.Id == state.Id).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.LastEvaluated, state.LastEvaluated)
            .SetProperty(t => t.LastFired, state.LastFired)
            .SetProperty(t => t.LastRunId, state.LastRunId)
            .SetProperty(t => t.CooldownUntil, state.CooldownUntil)
            .SetProperty(t => t.LastReason, state.LastReason)
            .SetProperty(t => t.LastReportId, state.LastReportId)
            .SetProperty(t => t.Streak, state.Streak)
            .SetProperty(t => t.LastDatasetVersion, state.LastDatasetVersion)
            .SetProperty(t => t.Cursor, state.Cursor), cancellationToken);
    }

    private static AppliedPipeline ToApplied(AppliedPipelineEntity p) => new(
        p.Id,
        p.Name,
        p.SpecText,
        p.FileName,
        p.WorkingDirectory,
        JsonSerializer.Deserialize(p.ParamsJson, PipelineStorageJsonContext.Default.DictionaryStringString) ?? [],
        p.AppliedTime,
        p.Triggers.OrderBy(t => t.Position).Select(t => new TriggerState
        {
            Id = t.Id,
            Pipeline = p.Name,
            Position = t.Position,
            Key = t.Key,
            Kind = t.Kind,
            Description = t.Description,
            DefinitionJson = t.DefinitionJson,
            LastEvaluated = t.LastEvaluated,
            LastFired = t.LastFired,
            LastRunId = t.LastRunId,
            CooldownUntil = t.CooldownUntil,
            LastReason = t.LastReason,
            LastReportId = t.LastReportId,
            Streak = t.Streak,
            LastDatasetVersion = t.LastDatasetVersion,
            Cursor = t.Cursor,
        }).ToList());
}
