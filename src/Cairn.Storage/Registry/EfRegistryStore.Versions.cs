using Cairn.Core;
using Cairn.Core.Registry;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Registry;

/// <summary>Model versions: create, read, update, delete, tags.</summary>
public sealed partial class EfRegistryStore
{
    public Task<ModelVersion> CreateModelVersionAsync(NewModelVersion version, CancellationToken cancellationToken) =>
        WriteAsync(async db =>
        {
            var now = Now();

            // Taking the next number is the statement that locks the model's row, so two concurrent
            // creates get different numbers; the counter never goes down, so numbers are never reused.
            var touched = await db.RegisteredModels.Where(m => m.Name == version.Name)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastVersion, m => m.LastVersion + 1).SetProperty(m => m.LastUpdatedTime, now), cancellationToken);
            if (touched == 0)
            {
                throw ModelNotFound(version.Name);
            }

            var model = await db.RegisteredModels.Where(m => m.Name == version.Name)
                .Select(m => new { m.Id, m.LastVersion }).SingleAsync(cancellationToken);
            db.ModelVersions.Add(new ModelVersionEntity
            {
                RegisteredModelId = model.Id,
                Version = model.LastVersion,
                CreationTime = now,
                LastUpdatedTime = now,
                Description = version.Description,
                UserId = version.UserId,
                CurrentStage = ModelVersionStage.None,
                Source = version.Source,
                StorageLocation = version.StorageLocation,
                RunId = version.RunId,
                RunLink = version.RunLink,
                ModelId = version.ModelId,
                Status = ModelVersionStatus.Ready,
                Tags = LastPerKey(version.Tags).Select(t => new ModelVersionTagEntity { Key = t.Key, Value = t.Value }).ToList(),
            });
            await db.SaveChangesAsync(cancellationToken);
            return await LoadVersionAsync(db, model.Id, model.LastVersion, cancellationToken);
        }, cancellationToken);

    public async Task<ModelVersion> GetModelVersionAsync(string name, long version, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var found = await LoadVersionsAsync(db, db.ModelVersions.Where(v => v.RegisteredModel.Name == name && v.Version == version), cancellationToken);
        return found.Count == 1 ? found[0] : throw VersionNotFound(name, version);
    }

    public Task<ModelVersion> UpdateModelVersionAsync(string name, long version, string? description, CancellationToken cancellationToken) =>
        WriteAsync(async db =>
        {
            var model = await LockModelAsync(db, name, cancellationToken);
            var entity = await TrackedVersionAsync(db, model, version, cancellationToken);
            entity.Description = description;
            entity.LastUpdatedTime = Now();
            await db.SaveChangesAsync(cancellationToken);
            return await LoadVersionAsync(db, model.Id, version, cancellationToken);
        }, cancellationToken);

    public Task DeleteModelVersionAsync(string name, long version, CancellationToken cancellationToken) =>
        WriteAsync(async db =>
        {
            var model = await LockModelAsync(db, name, cancellationToken);
            var versions = await db.ModelVersions.AsTracking().Where(v => v.RegisteredModelId == model.Id).ToListAsync(cancellationToken);
            var target = versions.Find(v => v.Version == version) ?? throw VersionNotFound(name, version);
            var aliases = await db.RegisteredModelAliases.AsTracking().Where(a => a.RegisteredModelId == model.Id).ToListAsync(cancellationToken);

            // Move a stage alias off the version first (its own aliases go with it by cascade).
            var before = versions.ToDictionary(v => v.Version, v => v.CurrentStage);
            versions.Remove(target);
            SyncStageAliases(db, model.Id, versions, before, aliases, enteredStage: null, enteredVersion: 0);
            model.LastUpdatedTime = Now();
            await db.SaveChangesAsync(cancellationToken);

            db.ModelVersions.Remove(target);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

    public Task SetModelVersionTagAsync(string name, long version, KeyValue tag, CancellationToken cancellationToken) =>
        WriteAsync(async db =>
        {
            var model = await LockModelAsync(db, name, cancellationToken);
            await TrackedVersionAsync(db, model, version, cancellationToken);
            var existing = await db.ModelVersionTags.AsTracking()
                .SingleOrDefaultAsync(t => t.RegisteredModelId == model.Id && t.Version == version && t.Key == tag.Key, cancellationToken);
            if (existing is null)
            {
                db.ModelVersionTags.Add(new ModelVersionTagEntity { RegisteredModelId = model.Id, Version = version, Key = tag.Key, Value = tag.Value });
            }
            else
            {
                existing.Value = tag.Value;
            }

            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

    public Task DeleteModelVersionTagAsync(string name, long version, string key, CancellationToken cancellationToken) =>
        WriteAsync(async db =>
        {
            var model = await LockModelAsync(db, name, cancellationToken);
            await TrackedVersionAsync(db, model, version, cancellationToken);
            await db.ModelVersionTags.Where(t => t.RegisteredModelId == model.Id && t.Version == version && t.Key == key)
                .ExecuteDeleteAsync(cancellationToken);
        }, cancellationToken);
}
