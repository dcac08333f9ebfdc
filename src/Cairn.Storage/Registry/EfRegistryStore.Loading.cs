using Cairn.Core.Registry;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Registry;

/// <summary>Reading whole models and versions (tags, aliases, latest version per stage) in a few set-based queries.</summary>
public sealed partial class EfRegistryStore
{
    private static async Task<RegisteredModel> LoadModelAsync(MetadataContext db, long id, CancellationToken cancellationToken)
    {
        var model = await db.RegisteredModels.AsNoTracking().Include(m => m.Tags).SingleAsync(m => m.Id == id, cancellationToken);
        return (await LoadModelsAsync(db, [model], cancellationToken))[0];
    }

    /// <summary>Completes model rows (loaded with their tags) with aliases and latest versions.</summary>
    private static async Task<List<RegisteredModel>> LoadModelsAsync(MetadataContext db, IReadOnlyList<RegisteredModelEntity> models, CancellationToken cancellationToken)
    {
        if (models.Count == 0)
        {
            return [];
        }

        var ids = models.Select(m => m.Id).ToArray();
        var aliases = await db.RegisteredModelAliases.AsNoTracking().Where(a => ids.Contains(a.RegisteredModelId)).ToListAsync(cancellationToken);
        var latest = await LatestVersions(db, ids).AsNoTracking().Include(v => v.Tags).AsSplitQuery().ToListAsync(cancellationToken);
        var aliasesByModel = aliases.ToLookup(a => a.RegisteredModelId);
        var latestByModel = latest.ToLookup(v => v.RegisteredModelId);
        return models.Select(m => RegistryEntityMapper.ToDomain(
            m,
            aliasesByModel[m.Id],
            latestByModel[m.Id].Select(v => RegistryEntityMapper.ToDomain(
                v, m.Name, aliasesByModel[m.Id].Where(a => a.Version == v.Version).Select(a => a.Alias))))).ToList();
    }

    /// <summary>The highest version of each stage of the given models (MLflow's latest_versions).</summary>
    private static IQueryable<ModelVersionEntity> LatestVersions(MetadataContext db, long[] modelIds) =>
        db.ModelVersions.Where(v => modelIds.Contains(v.RegisteredModelId)
            && !db.ModelVersions.Any(o => o.RegisteredModelId == v.RegisteredModelId && o.CurrentStage == v.CurrentStage && o.Version > v.Version));

    /// <summary>Runs a version query (keeping its order) and completes the rows with model names, tags and aliases.</summary>
    private static async Task<List<ModelVersion>> LoadVersionsAsync(MetadataContext db, IQueryable<ModelVersionEntity> query, CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking().Include(v => v.RegisteredModel).Include(v => v.Tags).AsSplitQuery().ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(v => v.RegisteredModelId).Distinct().ToArray();
        var aliases = await db.RegisteredModelAliases.AsNoTracking().Where(a => ids.Contains(a.RegisteredModelId)).ToListAsync(cancellationToken);
        var byVersion = aliases.ToLookup(a => (a.RegisteredModelId, a.Version), a => a.Alias);
        return rows.Select(v => RegistryEntityMapper.ToDomain(v, v.RegisteredModel.Name, byVersion[(v.RegisteredModelId, v.Version)])).ToList();
    }

    private static async Task<ModelVersion> LoadVersionAsync(MetadataContext db, long modelId, long version, CancellationToken cancellationToken) =>
        (await LoadVersionsAsync(db, db.ModelVersions.Where(v => v.RegisteredModelId == modelId && v.Version == version), cancellationToken)).Single();
}
