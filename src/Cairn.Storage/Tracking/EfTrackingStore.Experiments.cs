using Cairn.Core;
using Cairn.Core.Artifacts;
using Cairn.Core.Errors;
using Cairn.Core.Paging;
using Cairn.Core.Search;
using Cairn.Core.Tracking;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Tracking;

public sealed partial class EfTrackingStore
{
    public async Task<string> CreateExperimentAsync(string name, string? artifactLocation, IReadOnlyList<KeyValue> tags, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Experiments.AnyAsync(e => e.Name == name, cancellationToken))
        {
            throw CairnException.AlreadyExists($"Experiment(name={name}) already exists.");
        }

        var now = Now;
        var entity = new ExperimentEntity
        {
            Name = name,
            ArtifactLocation = artifactLocation ?? "",
            LifecycleStage = LifecycleStage.Active,
            CreationTime = now,
            LastUpdateTime = now,
            Tags = tags.DistinctBy(t => t.Key).Select(t => new ExperimentTagEntity { Key = t.Key, Value = t.Value }).ToList(),
        };
        db.Experiments.Add(entity);
        await SaveAsync(db, $"Experiment(name={name}) already exists.", cancellationToken);
        if (string.IsNullOrEmpty(artifactLocation))
        {
            // The default location needs the id the database just assigned.
            entity.ArtifactLocation = ArtifactUri.ForExperiment(entity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return entity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<Experiment> GetExperimentAsync(string experimentId, CancellationToken cancellationToken)
    {
        var id = ParseExperimentId(experimentId);
        await using var db = factory.Create();
        var entity = await db.Experiments.Include(e => e.Tags).FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw CairnException.NotFound($"No Experiment with id={experimentId} exists");
        return entity.ToDomain();
    }

    public async Task<Experiment> GetExperimentByNameAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var entity = await db.Experiments.Include(e => e.Tags).FirstOrDefaultAsync(e => e.Name == name, cancellationToken)
            ?? throw CairnException.NotFound($"Could not find experiment with name '{name}'");
        return entity.ToDomain();
    }

    public async Task<Page<Experiment>> SearchExperimentsAsync(ExperimentSearchQuery query, CancellationToken cancellationToken)
    {
        var offset = PageToken.Decode(query.PageToken);
        await using var db = factory.Create();
        var page = await ExperimentSearchTranslator.Apply(db, query)
            .Include(e => e.Tags)
            .Skip(offset)
            .Take(query.MaxResults + 1)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var hasMore = page.Count > query.MaxResults;
        var items = page.Take(query.MaxResults).Select(e => e.ToDomain()).ToList();
        return new Page<Experiment>(items, hasMore ? PageToken.Encode(offset + query.MaxResults) : null);
    }

    public async Task RenameExperimentAsync(string experimentId, string newName, CancellationToken cancellationToken)
    {
        var id = ParseExperimentId(experimentId);
        await using var db = factory.Create();
        var entity = await FindExperimentAsync(db, id, experimentId, cancellationToken);
        if (entity.LifecycleStage != LifecycleStage.Active)
        {
            throw CairnException.InvalidParameter($"Cannot rename a non-active experiment (id={experimentId}).");
        }

        if (await db.Experiments.AnyAsync(e => e.Name == newName && e.Id != id, cancellationToken))
        {
            throw CairnException.AlreadyExists($"Experiment(name={newName}) already exists.");
        }

        entity.Name = newName;
        entity.LastUpdateTime = Now;
        await SaveAsync(db, $"Experiment(name={newName}) already exists.", cancellationToken);
    }

    public async Task SetExperimentLifecycleAsync(string experimentId, string lifecycleStage, CancellationToken cancellationToken)
    {
        var id = ParseExperimentId(experimentId);
        await using var db = factory.Create();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var entity = await FindExperimentAsync(db, id, experimentId, cancellationToken);
        if (id == 0 && lifecycleStage == LifecycleStage.Deleted)
        {
            throw CairnException.InvalidParameter("The Default experiment (id=0) cannot be deleted.");
        }

        var now = Now;
        entity.LifecycleStage = lifecycleStage;
        entity.LastUpdateTime = now;
        await db.SaveChangesAsync(cancellationToken);

        // As in MLflow, deleting or restoring an experiment does the same to its runs.
        var deletedTime = lifecycleStage == LifecycleStage.Deleted ? now : (long?)null;
        await db.Runs.Where(r => r.ExperimentId == id).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.LifecycleStage, lifecycleStage).SetProperty(r => r.DeletedTime, deletedTime), cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public async Task SetExperimentTagAsync(string experimentId, KeyValue tag, CancellationToken cancellationToken)
    {
        var id = ParseExperimentId(experimentId);
        await using var db = factory.Create();
        var entity = await FindExperimentAsync(db, id, experimentId, cancellationToken);
        EnsureExperimentActive(entity);
        var existing = await db.ExperimentTags.AsTracking().FirstOrDefaultAsync(t => t.ExperimentId == id && t.Key == tag.Key, cancellationToken);
        if (existing is null)
        {
            db.ExperimentTags.Add(new ExperimentTagEntity { ExperimentId = id, Key = tag.Key, Value = tag.Value });
        }
        else
        {
            existing.Value = tag.Value;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteExperimentTagAsync(string experimentId, string key, CancellationToken cancellationToken)
    {
        var id = ParseExperimentId(experimentId);
        await using var db = factory.Create();
        var entity = await FindExperimentAsync(db, id, experimentId, cancellationToken);
        EnsureExperimentActive(entity);
        var deleted = await db.ExperimentTags.Where(t => t.ExperimentId == id && t.Key == key).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            throw CairnException.NotFound($"No tag with name: {key} in experiment with id {experimentId}");
        }
    }

    private static async Task<ExperimentEntity> FindExperimentAsync(MetadataContext db, long id, string experimentId, CancellationToken cancellationToken) =>
        await db.Experiments.AsTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
        ?? throw CairnException.NotFound($"No Experiment with id={experimentId} exists");

    private static void EnsureExperimentActive(ExperimentEntity entity)
    {
        if (entity.LifecycleStage != LifecycleStage.Active)
        {
            throw CairnException.InvalidParameter(
                $"The experiment {entity.Id} must be in the 'active' state. Current state is {entity.LifecycleStage}.");
        }
    }

    /// <summary>Saves, turning a unique-key race (two creators at once) into RESOURCE_ALREADY_EXISTS.</summary>
    private static async Task SaveAsync(MetadataContext db, string duplicateMessage, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw CairnException.AlreadyExists(duplicateMessage);
        }
    }
}
