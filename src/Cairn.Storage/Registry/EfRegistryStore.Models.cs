using Cairn.Core;
using Cairn.Core.Errors;
using Cairn.Core.Registry;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Registry;

/// <summary>Registered models: create, read, update, rename, delete, tags, latest versions.</summary>
public sealed partial class EfRegistryStore
{
    public Task<RegisteredModel> CreateRegisteredModelAsync(NewRegisteredModel model, CancellationToken cancellationToken) =>
        WriteAsync(async db =>
        {
            if (await db.RegisteredModels.AnyAsync(m => m.Name == model.Name, cancellationToken))
            {
                throw AlreadyExists(model.Name);
            }

            var now = Now();
            var entity = new RegisteredModelEntity
            {
                Name = model.Name,
                CreationTime = now,
                LastUpdatedTime = now,
                Description = model.Description,
                UserId = model.UserId,
                Tags = LastPerKey(model.Tags).Select(t => new RegisteredModelTagEntity { Key = t.Key, Value = t.Value }).ToList(),
            };
            db.RegisteredModels.Add(entity);
            await SaveUniqueAsync(db, model.Name, cancellationToken);
            return await LoadModelAsync(db, entity.Id, cancellationToken);
        }, cancellationToken);

    public async Task<RegisteredModel> GetRegisteredModelAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var model = await db.RegisteredModels.Include(m => m.Tags).SingleOrDefaultAsync(m => m.Name == name, cancellationToken)
            ?? throw ModelNotFound(name);
        return (await LoadModelsAsync(db, [model], cancellationToken))[0];
    }

    public Task<RegisteredModel> UpdateRegisteredModelAsync(string name, string? description, CancellationToken cancellationToken) =>
        WriteAsync(async db =>
        {
            var model = await LockModelAsync(db, name, cancellationToken);
            model.Description = description;
            model.LastUpdatedTime = Now();
            await db.SaveChangesAsync(cancellationToken);
            return await LoadModelAsync(db, model.Id, cancellationToken);
        }, cancellationToken);

    public Task<RegisteredModel> RenameRegisteredModelAsync(string name, string newName, CancellationToken cancellationToken) =>
        WriteAsync(async db =>
        {
            var model = await LockModelAsync(db, name, cancellationToken);
            if (newName != name)
            {
                if (await db.RegisteredModels.AnyAsync(m => m.Name == newName, cancellationToken))
                {
                    throw AlreadyExists(newName);
                }

                // Versions, tags and aliases hang off the model's id, so they move with the one row.
                var now = Now();
                model.Name = newName;
                model.LastUpdatedTime = now;
                await SaveUniqueAsync(db, newName, cancellationToken);
                await db.ModelVersions.Where(v => v.RegisteredModelId == model.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(v => v.LastUpdatedTime, now), cancellationToken);
            }

            return await LoadModelAsync(db, model.Id, cancellationToken);
        }, cancellationToken);

    public async Task DeleteRegisteredModelAsync(string name, CancellationToken cancellationToken)
    {
        // One statement; the database cascades to versions, tags and aliases.
        await using var db = _factory.Create();
        var deleted = await db.RegisteredModels.Where(m => m.Name == name).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            throw ModelNotFound(name);
        }
    }

    public Task SetRegisteredModelTagAsync(string name, KeyValue tag, CancellationToken cancellationToken) =>
        WriteAsync(async db =>
        {
            var model = await LockModelAsync(db, name, cancellationToken);
            var existing = await db.RegisteredModelTags.AsTracking()
                .SingleOrDefaultAsync(t => t.RegisteredModelId == model.Id && t.Key == tag.Key, cancellationToken);
            if (existing is null)
            {
                db.RegisteredModelTags.Add(new RegisteredModelTagEntity { RegisteredModelId = model.Id, Key = tag.Key, Value = tag.Value });
            }
            else
            {
                existing.Value = tag.Value;
            }

            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

    public Task DeleteRegisteredModelTagAsync(string name, string key, CancellationToken cancellationToken) =>
        WriteAsync(async db =>
        {
            var model = await LockModelAsync(db, name, cancellationToken);
            await db.RegisteredModelTags.Where(t => t.RegisteredModelId == model.Id && t.Key == key).ExecuteDeleteAsync(cancellationToken);
        }, cancellationToken);

    public async Task<IReadOnlyList<ModelVersion>> GetLatestVersionsAsync(string name, IReadOnlyList<string> stages, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var id = await ModelIdAsync(db, name, cancellationToken);
        var query = LatestVersions(db, [id]);
        if (stages.Count > 0)
        {
            var wanted = stages.ToArray();
            query = query.Where(v => wanted.Contains(v.CurrentStage));
        }

        return await LoadVersionsAsync(db, query.OrderBy(v => v.Version), cancellationToken);
    }

    private static CairnException AlreadyExists(string name) =>
        CairnException.AlreadyExists($"Registered Model (name={name}) already exists.");

    /// <summary>Saves, turning a lost race on the unique model name into RESOURCE_ALREADY_EXISTS.</summary>
    private static async Task SaveUniqueAsync(MetadataContext db, string name, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            throw new CairnException(ErrorCode.ResourceAlreadyExists, AlreadyExists(name).Message, e);
        }
    }
}
