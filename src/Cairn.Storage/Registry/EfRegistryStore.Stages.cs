using Cairn.Core.Errors;
using Cairn.Core.Registry;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Registry;

/// <summary>Stage transitions, aliases, and the rule that keeps the two consistent (see <see cref="ModelVersionStage"/>).</summary>
public sealed partial class EfRegistryStore
{
    public Task<ModelVersion> TransitionModelVersionStageAsync(string name, long version, string stage, bool archiveExistingVersions, CancellationToken cancellationToken) =>
        WriteAsync(async db =>
        {
            var model = await LockModelAsync(db, name, cancellationToken);
            var versions = await db.ModelVersions.AsTracking().Where(v => v.RegisteredModelId == model.Id).ToListAsync(cancellationToken);
            var target = versions.Find(v => v.Version == version) ?? throw VersionNotFound(name, version);
            var aliases = await db.RegisteredModelAliases.AsTracking().Where(a => a.RegisteredModelId == model.Id).ToListAsync(cancellationToken);
            var before = versions.ToDictionary(v => v.Version, v => v.CurrentStage);
            var now = Now();
            if (archiveExistingVersions)
            {
                foreach (var other in versions.Where(v => v.Version != version && v.CurrentStage == stage))
                {
                    other.CurrentStage = ModelVersionStage.Archived;
                    other.LastUpdatedTime = now;
                }
            }

            target.CurrentStage = stage;
            target.LastUpdatedTime = now;
            model.LastUpdatedTime = now;
            SyncStageAliases(db, model.Id, versions, before, aliases, stage, version);
            await db.SaveChangesAsync(cancellationToken);
            return await LoadVersionAsync(db, model.Id, version, cancellationToken);
        }, cancellationToken);

    public Task SetAliasAsync(string name, string alias, long version, CancellationToken cancellationToken) =>
        WriteAsync(async db =>
        {
            var model = await LockModelAsync(db, name, cancellationToken);
            await TrackedVersionAsync(db, model, version, cancellationToken);
            var existing = await db.RegisteredModelAliases.AsTracking()
                .SingleOrDefaultAsync(a => a.RegisteredModelId == model.Id && a.Alias == alias, cancellationToken);
            if (existing is null)
            {
                db.RegisteredModelAliases.Add(new RegisteredModelAliasEntity { RegisteredModelId = model.Id, Alias = alias, Version = version });
            }
            else
            {
                existing.Version = version;
            }

            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

    public Task DeleteAliasAsync(string name, string alias, CancellationToken cancellationToken) =>
        WriteAsync(async db =>
        {
            var model = await LockModelAsync(db, name, cancellationToken);
            await db.RegisteredModelAliases.Where(a => a.RegisteredModelId == model.Id && a.Alias == alias).ExecuteDeleteAsync(cancellationToken);
        }, cancellationToken);

    public async Task<ModelVersion> GetModelVersionByAliasAsync(string name, string alias, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var id = await ModelIdAsync(db, name, cancellationToken);
        var versions = await db.RegisteredModelAliases.Where(a => a.RegisteredModelId == id && a.Alias == alias).Select(a => a.Version).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            throw new CairnException(ErrorCode.InvalidParameterValue, $"Registered model alias {alias} not found.");
        }

        return await LoadVersionAsync(db, id, versions[0], cancellationToken);
    }

    /// <summary>
    /// Applies the stage-alias rule after stages changed: the version that entered an active stage takes
    /// that stage's alias; a stage alias whose version left its stage moves to the highest version still
    /// in the stage, or is removed. <paramref name="before"/> holds every version's stage before the change.
    /// </summary>
    private static void SyncStageAliases(
        MetadataContext db,
        long modelId,
        IReadOnlyList<ModelVersionEntity> versions,
        IReadOnlyDictionary<long, string> before,
        List<RegisteredModelAliasEntity> aliases,
        string? enteredStage,
        long enteredVersion)
    {
        foreach (var stage in ModelVersionStage.Active)
        {
            var aliasName = ModelVersionStage.AliasOf(stage)!;
            var alias = aliases.Find(a => a.Alias == aliasName);
            if (stage == enteredStage)
            {
                if (alias is null)
                {
                    db.RegisteredModelAliases.Add(new RegisteredModelAliasEntity { RegisteredModelId = modelId, Alias = aliasName, Version = enteredVersion });
                }
                else
                {
                    alias.Version = enteredVersion;
                }

                continue;
            }

            var pointedWasInStage = alias is not null && before.TryGetValue(alias.Version, out var was) && was == stage;
            var pointedStillInStage = alias is not null && versions.Any(v => v.Version == alias.Version && v.CurrentStage == stage);
            if (alias is null || !pointedWasInStage || pointedStillInStage)
            {
                continue;
            }

            var successor = versions.Where(v => v.CurrentStage == stage).MaxBy(v => v.Version);
            if (successor is null)
            {
                db.RegisteredModelAliases.Remove(alias);
            }
            else
            {
                alias.Version = successor.Version;
            }
        }
    }
}
