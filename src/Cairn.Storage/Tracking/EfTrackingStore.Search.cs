using Cairn.Core;
using Cairn.Core.Paging;
using Cairn.Core.Search;
using Cairn.Core.Tracking;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Tracking;

public sealed partial class EfTrackingStore
{
    /// <summary>
    /// One query selects and orders the page's run ids (the filter and order_by translated to SQL);
    /// then params, tags, latest metrics and inputs of just those runs are read by id.
    /// </summary>
    public async Task<Page<Run>> SearchRunsAsync(RunSearchQuery query, CancellationToken cancellationToken)
    {
        var offset = PageToken.Decode(query.PageToken);
        await using var db = factory.Create();
        var page = await RunSearchTranslator.Apply(db, query)
            .Skip(offset)
            .Take(query.MaxResults + 1)
            .ToListAsync(cancellationToken);
        var hasMore = page.Count > query.MaxResults;
        var runs = page.Take(query.MaxResults).ToList();
        if (runs.Count == 0)
        {
            return new Page<Run>([], null);
        }

        var ids = runs.Select(r => r.RunId).ToList();
        var parameters = (await db.Params.Where(p => ids.Contains(p.RunId)).ToListAsync(cancellationToken)).ToLookup(p => p.RunId);
        var tags = (await db.RunTags.Where(t => ids.Contains(t.RunId)).ToListAsync(cancellationToken)).ToLookup(t => t.RunId);
        var metrics = (await db.LatestMetrics.Where(m => ids.Contains(m.RunId)).ToListAsync(cancellationToken)).ToLookup(m => m.RunId);
        var inputs = (await db.RunDatasetInputs.Include(i => i.Dataset).Where(i => ids.Contains(i.RunId)).ToListAsync(cancellationToken)).ToLookup(i => i.RunId);
        var modelInputs = (await db.RunModelInputs.Where(m => ids.Contains(m.RunId)).ToListAsync(cancellationToken)).ToLookup(m => m.RunId);
        var modelOutputs = (await db.RunModelOutputs.Where(m => ids.Contains(m.RunId)).ToListAsync(cancellationToken)).ToLookup(m => m.RunId);

        var items = runs.Select(r =>
        {
            r.Params = [.. parameters[r.RunId]];
            r.Tags = [.. tags[r.RunId]];
            r.LatestMetrics = [.. metrics[r.RunId]];
            r.DatasetInputs = [.. inputs[r.RunId]];
            return ToRun(r, [.. modelInputs[r.RunId].Select(m => m.ModelId)], [.. modelOutputs[r.RunId].Select(m => new ModelOutput(m.ModelId, m.Step))]);
        }).ToList();
        return new Page<Run>(items, hasMore ? PageToken.Encode(offset + query.MaxResults) : null);
    }
}
