using System.Globalization;
using Cairn.Core.Errors;
using Cairn.Core.LoggedModels;
using Cairn.Core.Paging;
using Cairn.Core.Search;
using Cairn.Core.Tracking;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.LoggedModels;

public sealed partial class EfLoggedModelStore
{
    /// <summary>
    /// Equality clauses on attributes and tags/params narrow the rows in SQL (the client's own call,
    /// <c>name = 'model'</c>, is an index lookup); the full filter, the ordering (which may use metrics, NaN
    /// and missing values the MLflow way) and paging then run on those candidates in memory. Logged models
    /// per experiment are few compared to runs, so this keeps one set of semantics for both providers.
    /// </summary>
    public async Task<Page<LoggedModel>> SearchAsync(LoggedModelSearchQuery query, CancellationToken cancellationToken)
    {
        if (query.MaxResults is < 1 or > LoggedModelLimits.MaxSearchResults)
        {
            throw CairnException.InvalidParameter(
                $"Invalid value {query.MaxResults} for parameter 'max_results': it must be between 1 and {LoggedModelLimits.MaxSearchResults}.");
        }

        var offset = PageToken.Decode(query.PageToken);
        var matches = LoggedModelMatcher.Compile(query.Filter, query.Datasets);
        var comparer = LoggedModelOrdering.Create(query.OrderBy);
        var needsMetrics = query.Datasets.Count > 0 || query.Filter.Any(c => c.Entity == SearchEntity.Metric) || LoggedModelOrdering.UsesMetrics(query.OrderBy);
        var experimentIds = query.ExperimentIds
            .Select(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (long?)null)
            .OfType<long>().Distinct().ToList();
        if (experimentIds.Count == 0)
        {
            return new Page<LoggedModel>([], null);
        }

        await using var db = factory.Create();
        var rows = db.LoggedModels.AsSplitQuery().Include(m => m.Tags).Include(m => m.Params)
            .Where(m => experimentIds.Contains(m.ExperimentId) && m.LifecycleStage == LifecycleStage.Active);
        foreach (var clause in query.Filter)
        {
            rows = Narrow(rows, clause);
        }

        var entities = await rows.ToListAsync(cancellationToken);
        var metrics = needsMetrics
            ? await LoggedModelMapping.LoadLatestMetricsAsync(db, [.. entities.Select(e => e.ModelId)], cancellationToken)
            : [];
        var sorted = entities
            .Select(e => LoggedModelMapping.ToDomain(e, metrics.GetValueOrDefault(e.ModelId, [])))
            .Where(matches)
            .Order(comparer)
            .ToList();
        var page = sorted.Skip(offset).Take(query.MaxResults).ToList();
        if (!needsMetrics && page.Count > 0)
        {
            var pageMetrics = await LoggedModelMapping.LoadLatestMetricsAsync(db, [.. page.Select(m => m.ModelId)], cancellationToken);
            page = [.. page.Select(m => m with { Metrics = pageMetrics.GetValueOrDefault(m.ModelId, []) })];
        }

        var next = offset + query.MaxResults < sorted.Count ? PageToken.Encode(offset + query.MaxResults) : null;
        return new Page<LoggedModel>(page, next);
    }

    /// <summary>Pushes the cheap, exact clauses into SQL. Anything else is left to the in-memory pass.</summary>
    private static IQueryable<LoggedModelEntity> Narrow(IQueryable<LoggedModelEntity> rows, SearchComparison clause)
    {
        if (clause.Comparator != Comparator.Equal || clause.Text is not { } text)
        {
            return rows;
        }

        var key = clause.Key;
        return clause.Entity switch
        {
            SearchEntity.Tag => rows.Where(m => m.Tags.Any(t => t.Key == key && t.Value == text)),
            SearchEntity.Param => rows.Where(m => m.Params.Any(p => p.Key == key && p.Value == text)),
            SearchEntity.Attribute => LoggedModelAttributes.Canonical(key) switch
            {
                LoggedModelAttributes.Name => rows.Where(m => m.Name == text),
                LoggedModelAttributes.ModelId => rows.Where(m => m.ModelId == text),
                LoggedModelAttributes.SourceRunId => rows.Where(m => m.SourceRunId == text),
                _ => rows,
            },
            _ => rows,
        };
    }
}
