using Cairn.Core.Datasets;
using Cairn.Core.Errors;
using Cairn.Core.Paging;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Datasets;

public sealed partial class EfDatasetStore
{
    public async Task<Page<DatasetSummary>> ListDatasetsAsync(int maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        if (maxResults is < 1 or > 1000)
        {
            throw CairnException.InvalidParameter($"Invalid value {maxResults} for parameter 'max_results': it must be between 1 and 1000.");
        }

        var offset = PageToken.Decode(pageToken);
        await using var db = factory.Create();
        var datasets = await db.DataSets.OrderBy(d => d.Name).Skip(offset).Take(maxResults + 1).ToListAsync(cancellationToken);
        var hasMore = datasets.Count > maxResults;
        datasets = [.. datasets.Take(maxResults)];
        var ids = datasets.Select(d => d.Id).ToList();
        var versions = await db.DataSetVersions.Where(v => ids.Contains(v.DataSetId))
            .Select(v => new { v.Id, v.DataSetId, v.Version, v.CreatedAtMs })
            .ToListAsync(cancellationToken);
        var tags = await db.DataSetTags.Where(t => ids.Contains(t.DataSetId)).ToListAsync(cancellationToken);
        var byId = versions.ToDictionary(v => v.Id);
        var items = datasets.Select(d =>
        {
            var own = versions.Where(v => v.DataSetId == d.Id).OrderByDescending(v => v.CreatedAtMs).ThenByDescending(v => v.Id).ToList();
            return new DatasetSummary(d.Name, d.CreatedAtMs, own.Count, own.FirstOrDefault()?.Version, own.FirstOrDefault()?.CreatedAtMs)
            {
                Tags = tags.Where(t => t.DataSetId == d.Id).OrderBy(t => t.Tag, StringComparer.Ordinal)
                    .ToDictionary(t => t.Tag, t => byId[t.VersionId].Version),
            };
        }).ToList();
        return new Page<DatasetSummary>(items, PageToken.Next(offset, maxResults, items.Count, hasMore));
    }

    /// <summary>A tag, "latest", the full hash, or a unique hash prefix.</summary>
    private static async Task<DatasetVersionEntity> ResolveAsync(MetadataContext db, DatasetNameEntity dataset, string? reference, CancellationToken cancellationToken)
    {
        var versions = WithoutProfile(db.DataSetVersions.Where(v => v.DataSetId == dataset.Id));
        DatasetVersionEntity? found;
        if (string.IsNullOrEmpty(reference) || reference == DatasetNames.Latest)
        {
            found = await versions.OrderByDescending(v => v.CreatedAtMs).ThenByDescending(v => v.Id).FirstOrDefaultAsync(cancellationToken);
        }
        else
        {
            var tag = await db.DataSetTags.FirstOrDefaultAsync(t => t.DataSetId == dataset.Id && t.Tag == reference, cancellationToken);
            if (tag is not null)
            {
                found = await versions.FirstAsync(v => v.Id == tag.VersionId, cancellationToken);
            }
            else if (DatasetNames.IsHashPrefix(reference))
            {
                var prefix = reference.ToLowerInvariant();
                var matches = await versions.Where(v => v.Version.StartsWith(prefix)).Take(2).ToListAsync(cancellationToken);
                if (matches.Count > 1)
                {
                    throw CairnException.InvalidParameter($"Invalid value '{reference}' for parameter 'version': it matches several versions of '{dataset.Name}'; give more characters.");
                }

                found = matches.FirstOrDefault();
            }
            else
            {
                found = null;
            }
        }

        return found ?? throw CairnException.NotFound(
            $"Dataset '{dataset.Name}' has no version '{reference ?? DatasetNames.Latest}'.");
    }

    /// <summary>Every column but the profile, which can be megabytes (it holds the drift samples).</summary>
    private static IQueryable<DatasetVersionEntity> WithoutProfile(IQueryable<DatasetVersionEntity> query) =>
        query.Select(v => new DatasetVersionEntity
        {
            Id = v.Id,
            DataSetId = v.DataSetId,
            Version = v.Version,
            Format = v.Format,
            SourceUri = v.SourceUri,
            ArtifactPath = v.ArtifactPath,
            RowCount = v.RowCount,
            ColumnCount = v.ColumnCount,
            SizeBytes = v.SizeBytes,
            SchemaJson = v.SchemaJson,
            ProfileJson = null,
            CreatedAtMs = v.CreatedAtMs,
        });

    private static async Task<DatasetVersion> ToDomainAsync(MetadataContext db, string name, DatasetVersionEntity entity, bool includeProfile, CancellationToken cancellationToken)
    {
        var tags = await db.DataSetTags.Where(t => t.VersionId == entity.Id).Select(t => t.Tag).OrderBy(t => t).ToListAsync(cancellationToken);
        if (includeProfile && entity.ProfileJson is null)
        {
            entity.ProfileJson = await db.DataSetVersions.Where(v => v.Id == entity.Id).Select(v => v.ProfileJson).FirstAsync(cancellationToken);
        }

        return ToDomain(name, entity, tags) with { ProfileJson = includeProfile ? entity.ProfileJson : null };
    }

    private static async Task<Dictionary<long, List<string>>> TagsByVersionAsync(MetadataContext db, long datasetId, CancellationToken cancellationToken) =>
        (await db.DataSetTags.Where(t => t.DataSetId == datasetId).ToListAsync(cancellationToken))
            .GroupBy(t => t.VersionId)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList());

    private static DatasetVersion ToDomain(string name, DatasetVersionEntity v, IReadOnlyList<string> tags) => new()
    {
        Name = name,
        Version = v.Version,
        Format = v.Format,
        SourceUri = v.SourceUri,
        ArtifactPath = v.ArtifactPath,
        RowCount = v.RowCount,
        ColumnCount = v.ColumnCount,
        SizeBytes = v.SizeBytes,
        SchemaJson = v.SchemaJson,
        ProfileJson = v.ProfileJson,
        CreatedAtMs = v.CreatedAtMs,
        Tags = tags,
    };
}
