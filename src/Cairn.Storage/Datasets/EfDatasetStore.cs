using Cairn.Core.Datasets;
using Cairn.Core.Errors;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Datasets;

/// <summary>Dataset names, versions and tags on EF Core. Each write is one SaveChanges (atomic).</summary>
public sealed partial class EfDatasetStore(IMetadataContextFactory factory, TimeProvider time) : IDatasetStore
{
    public async Task<DatasetVersionWrite> AddVersionAsync(DatasetVersion version, CancellationToken cancellationToken)
    {
        DatasetNames.ValidateName(version.Name);

        // Two concurrent imports may both miss and both insert: the unique indexes decide, and the loser re-reads.
        for (var attempt = 0; ; attempt++)
        {
            await using var db = factory.Create();
            var dataset = await db.DataSets.AsTracking().FirstOrDefaultAsync(d => d.Name == version.Name, cancellationToken);
            if (dataset is not null)
            {
                var existing = await db.DataSetVersions
                    .FirstOrDefaultAsync(v => v.DataSetId == dataset.Id && v.Version == version.Version, cancellationToken);
                if (existing is not null)
                {
                    return new DatasetVersionWrite(await ToDomainAsync(db, dataset.Name, existing, includeProfile: true, cancellationToken), Created: false);
                }
            }

            dataset ??= db.DataSets.Add(new DatasetNameEntity { Name = version.Name, CreatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds() }).Entity;
            var entity = new DatasetVersionEntity
            {
                Version = version.Version,
                Format = version.Format,
                SourceUri = version.SourceUri,
                ArtifactPath = version.ArtifactPath,
                RowCount = version.RowCount,
                ColumnCount = version.ColumnCount,
                SizeBytes = version.SizeBytes,
                SchemaJson = version.SchemaJson,
                ProfileJson = version.ProfileJson,
                CreatedAtMs = version.CreatedAtMs,
            };
            dataset.Versions.Add(entity);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new DatasetVersionWrite(version with { Tags = [] }, Created: true);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e) && attempt < 2)
            {
                // Lost a race with an identical import; the next attempt finds its row.
            }
        }
    }

    public async Task<DatasetVersion> GetVersionAsync(string name, string? reference, bool includeProfile, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var dataset = await FindDatasetAsync(db, name, cancellationToken);
        var entity = await ResolveAsync(db, dataset, reference, cancellationToken);
        return await ToDomainAsync(db, dataset.Name, entity, includeProfile, cancellationToken);
    }

    public async Task<IReadOnlyList<DatasetVersion>> ListVersionsAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var dataset = await FindDatasetAsync(db, name, cancellationToken);
        var versions = await WithoutProfile(db.DataSetVersions.Where(v => v.DataSetId == dataset.Id))
            .OrderByDescending(v => v.CreatedAtMs).ThenByDescending(v => v.Id)
            .ToListAsync(cancellationToken);
        var tags = await TagsByVersionAsync(db, dataset.Id, cancellationToken);
        return [.. versions.Select(v => ToDomain(dataset.Name, v, tags.GetValueOrDefault(v.Id, [])))];
    }

    public async Task<DatasetVersion> SetTagAsync(string name, string tag, string reference, CancellationToken cancellationToken)
    {
        DatasetNames.ValidateTag(tag);
        await using var db = factory.Create();
        var dataset = await FindDatasetAsync(db, name, cancellationToken);
        var version = await ResolveAsync(db, dataset, reference, cancellationToken);
        var existing = await db.DataSetTags.AsTracking()
            .FirstOrDefaultAsync(t => t.DataSetId == dataset.Id && t.Tag == tag, cancellationToken);
        if (existing is null)
        {
            db.DataSetTags.Add(new DatasetTagEntity { DataSetId = dataset.Id, Tag = tag, VersionId = version.Id });
        }
        else
        {
            existing.VersionId = version.Id;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw new CairnException(ErrorCode.ResourceConflict, $"Tag '{tag}' of dataset '{name}' was changed concurrently; try again.");
        }

        return await ToDomainAsync(db, dataset.Name, version, includeProfile: false, cancellationToken);
    }

    public async Task DeleteTagAsync(string name, string tag, CancellationToken cancellationToken)
    {
        await using var db = factory.Create();
        var dataset = await FindDatasetAsync(db, name, cancellationToken);
        var deleted = await db.DataSetTags.Where(t => t.DataSetId == dataset.Id && t.Tag == tag).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            throw CairnException.NotFound($"Dataset '{name}' has no tag '{tag}'.");
        }
    }

    private static async Task<DatasetNameEntity> FindDatasetAsync(MetadataContext db, string name, CancellationToken cancellationToken) =>
        await db.DataSets.FirstOrDefaultAsync(d => d.Name == name, cancellationToken)
        ?? throw CairnException.NotFound($"Dataset '{name}' does not exist.");
}
