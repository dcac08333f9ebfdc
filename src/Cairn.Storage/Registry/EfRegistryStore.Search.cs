using System.Linq.Expressions;
using Cairn.Core.Errors;
using Cairn.Core.Paging;
using Cairn.Core.Registry;
using Cairn.Core.Search;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using static Cairn.Storage.Registry.RegistryFilterExpressions;

namespace Cairn.Storage.Registry;

/// <summary>
/// registered-models/search and model-versions/search: parsed comparisons become SQL predicates, then
/// the order keys with MLflow's tie-breakers (name ASC; then version DESC for versions) so paging by
/// offset is stable.
/// </summary>
public sealed partial class EfRegistryStore
{
    public async Task<Page<RegisteredModel>> SearchRegisteredModelsAsync(RegistrySearchQuery query, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        IQueryable<RegisteredModelEntity> models = db.RegisteredModels;
        foreach (var comparison in query.Filter)
        {
            models = comparison switch
            {
                { Entity: SearchEntity.Attribute, Key: "name" } => models.Where(String<RegisteredModelEntity>(m => m.Name, comparison)),
                { Entity: SearchEntity.Tag } => WhereModelTag(db, models, comparison),
                _ => throw InvalidFilterKey(comparison),
            };
        }

        var ordered = OrderModels(models, query.OrderBy);
        var offset = PageToken.Decode(query.PageToken);
        var rows = await ordered.Skip(offset).Take(query.MaxResults + 1).Include(m => m.Tags).AsSplitQuery().ToListAsync(cancellationToken);
        var hasMore = rows.Count > query.MaxResults;
        var page = rows.Take(query.MaxResults).ToList();
        return new Page<RegisteredModel>(
            await LoadModelsAsync(db, page, cancellationToken),
            PageToken.Next(offset, query.MaxResults, page.Count, hasMore));
    }

    public async Task<Page<ModelVersion>> SearchModelVersionsAsync(RegistrySearchQuery query, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        IQueryable<ModelVersionEntity> versions = db.ModelVersions;
        foreach (var comparison in query.Filter)
        {
            versions = comparison switch
            {
                { Entity: SearchEntity.Attribute, Key: "name" } => versions.Where(String<ModelVersionEntity>(v => v.RegisteredModel.Name, comparison)),
                { Entity: SearchEntity.Attribute, Key: "run_id" } => versions.Where(String<ModelVersionEntity>(v => v.RunId, comparison)),
                { Entity: SearchEntity.Attribute, Key: "source_path" } => versions.Where(String<ModelVersionEntity>(v => v.Source, comparison)),
                { Entity: SearchEntity.Attribute, Key: "version_number" } => versions.Where(Number<ModelVersionEntity>(v => v.Version, comparison)),
                { Entity: SearchEntity.Tag } => WhereVersionTag(db, versions, comparison),
                _ => throw InvalidFilterKey(comparison),
            };
        }

        var ordered = OrderVersions(versions, query.OrderBy);
        var offset = PageToken.Decode(query.PageToken);
        var page = await LoadVersionsAsync(db, ordered.Skip(offset).Take(query.MaxResults + 1), cancellationToken);
        var hasMore = page.Count > query.MaxResults;
        if (hasMore)
        {
            page.RemoveAt(page.Count - 1);
        }

        return new Page<ModelVersion>(page, PageToken.Next(offset, query.MaxResults, page.Count, hasMore));
    }

    private static IQueryable<RegisteredModelEntity> WhereModelTag(MetadataContext db, IQueryable<RegisteredModelEntity> models, SearchComparison comparison)
    {
        var key = comparison.Key;
        var matching = db.RegisteredModelTags.Where(t => t.Key == key);
        if (Positive(comparison).Comparator != Comparator.IsNotNull)
        {
            matching = matching.Where(String<RegisteredModelTagEntity>(t => t.Value, Positive(comparison)));
        }

        return IsNegative(comparison.Comparator)
            ? models.Where(m => !matching.Any(t => t.RegisteredModelId == m.Id))
            : models.Where(m => matching.Any(t => t.RegisteredModelId == m.Id));
    }

    private static IQueryable<ModelVersionEntity> WhereVersionTag(MetadataContext db, IQueryable<ModelVersionEntity> versions, SearchComparison comparison)
    {
        var key = comparison.Key;
        var matching = db.ModelVersionTags.Where(t => t.Key == key);
        if (Positive(comparison).Comparator != Comparator.IsNotNull)
        {
            matching = matching.Where(String<ModelVersionTagEntity>(t => t.Value, Positive(comparison)));
        }

        return IsNegative(comparison.Comparator)
            ? versions.Where(v => !matching.Any(t => t.RegisteredModelId == v.RegisteredModelId && t.Version == v.Version))
            : versions.Where(v => matching.Any(t => t.RegisteredModelId == v.RegisteredModelId && t.Version == v.Version));
    }

    private static IOrderedQueryable<RegisteredModelEntity> OrderModels(IQueryable<RegisteredModelEntity> models, IReadOnlyList<OrderByClause> orderBy)
    {
        var keys = CanonicalOrderKeys(orderBy);
        IOrderedQueryable<RegisteredModelEntity>? ordered = null;
        foreach (var (key, ascending) in keys)
        {
            ordered = key switch
            {
                "name" => Then(models, ordered, m => m.Name, ascending),
                "last_updated_timestamp" => Then(models, ordered, m => m.LastUpdatedTime, ascending),
                "creation_timestamp" => Then(models, ordered, m => m.CreationTime, ascending),
                _ => throw InvalidOrderKey(key, "name, creation_timestamp, last_updated_timestamp"),
            };
        }

        return keys.Any(k => k.Key == "name") ? ordered! : Then(models, ordered, m => m.Name, ascending: true);
    }

    private static IOrderedQueryable<ModelVersionEntity> OrderVersions(IQueryable<ModelVersionEntity> versions, IReadOnlyList<OrderByClause> orderBy)
    {
        // MLflow's default: most recently updated first.
        var keys = orderBy.Count == 0 ? [("last_updated_timestamp", false)] : CanonicalOrderKeys(orderBy);
        IOrderedQueryable<ModelVersionEntity>? ordered = null;
        foreach (var (key, ascending) in keys)
        {
            ordered = key switch
            {
                "name" => Then(versions, ordered, v => v.RegisteredModel.Name, ascending),
                "version_number" => Then(versions, ordered, v => v.Version, ascending),
                "last_updated_timestamp" => Then(versions, ordered, v => v.LastUpdatedTime, ascending),
                "creation_timestamp" => Then(versions, ordered, v => v.CreationTime, ascending),
                _ => throw InvalidOrderKey(key, "name, version_number, creation_timestamp, last_updated_timestamp"),
            };
        }

        if (!keys.Any(k => k.Key == "name"))
        {
            ordered = Then(versions, ordered, v => v.RegisteredModel.Name, ascending: true);
        }

        return keys.Any(k => k.Key == "version_number") ? ordered! : Then(versions, ordered, v => v.Version, ascending: false);
    }

    /// <summary>Attribute order keys with MLflow's synonyms folded (<c>timestamp</c>, <c>version</c>); duplicates are a 400.</summary>
    private static List<(string Key, bool Ascending)> CanonicalOrderKeys(IReadOnlyList<OrderByClause> orderBy)
    {
        var keys = new List<(string Key, bool Ascending)>();
        foreach (var clause in orderBy)
        {
            if (clause.Entity != SearchEntity.Attribute)
            {
                throw CairnException.InvalidParameter($"Invalid order_by key '{clause.Entity.ToString().ToLowerInvariant()}.{clause.Key}': only attributes can order registry searches.");
            }

            var key = clause.Key switch
            {
                "timestamp" => "last_updated_timestamp",
                "version" => "version_number",
                var other => other,
            };
            if (keys.Any(k => k.Key == key))
            {
                throw CairnException.InvalidParameter($"`order_by` contains duplicate fields: {key}");
            }

            keys.Add((key, clause.Ascending));
        }

        return keys;
    }

    private static IOrderedQueryable<T> Then<T, TKey>(IQueryable<T> source, IOrderedQueryable<T>? ordered, Expression<Func<T, TKey>> key, bool ascending) =>
        ordered is null
            ? ascending ? source.OrderBy(key) : source.OrderByDescending(key)
            : ascending ? ordered.ThenBy(key) : ordered.ThenByDescending(key);

    private static CairnException InvalidFilterKey(SearchComparison comparison) =>
        CairnException.InvalidParameter($"Invalid attribute name: {comparison.Key}");

    private static CairnException InvalidOrderKey(string key, string valid) =>
        CairnException.InvalidParameter($"Invalid order by key '{key}' specified. Valid keys are {valid}.");
}
