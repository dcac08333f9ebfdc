using Cairn.Core.Serving;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Serving;

/// <summary>
/// Feedback keyed by (deployment, request id). A batch is one transaction; a request id already stored
/// (or repeated in the batch) is overwritten, so the latest feedback wins.
/// </summary>
public sealed class EfFeedbackStore(IMetadataContextFactory factory) : IFeedbackStore
{
    private const int ChunkSize = 500;

    private readonly IMetadataContextFactory _factory = factory;

    public async Task AddAsync(IReadOnlyList<Feedback> feedback, CancellationToken cancellationToken)
    {
        // The last occurrence of a key in the batch is the latest.
        var latest = feedback.GroupBy(f => (f.Deployment, f.RequestId)).Select(g => g.Last()).ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteAsync(latest, cancellationToken);
                return;
            }
            catch (DbUpdateException e) when (attempt < 3 && UniqueViolation.Is(e))
            {
                // A concurrent batch inserted one of our keys first: the next attempt updates it instead.
            }
        }
    }

    public async Task<IReadOnlyDictionary<string, Feedback>> GetAsync(string deployment, IReadOnlyCollection<string> requestIds, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var result = new Dictionary<string, Feedback>(StringComparer.Ordinal);
        foreach (var chunk in requestIds.Distinct().Chunk(ChunkSize))
        {
            var rows = await db.Feedback.Where(f => f.Deployment == deployment && chunk.Contains(f.RequestId)).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                result[row.RequestId] = DeploymentMapping.ToDomain(row);
            }
        }

        return result;
    }

    public async Task<IReadOnlyList<Feedback>> ListAsync(string deployment, long fromTimestamp, long toTimestamp, int maxResults, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var rows = await db.Feedback
            .Where(f => f.Deployment == deployment && f.Timestamp >= fromTimestamp && f.Timestamp < toTimestamp)
            .OrderBy(f => f.Timestamp).ThenBy(f => f.RequestId).Take(maxResults).ToListAsync(cancellationToken);
        return rows.Select(DeploymentMapping.ToDomain).ToList();
    }

    private async Task WriteAsync(IReadOnlyList<Feedback> batch, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var byDeployment in batch.GroupBy(f => f.Deployment))
        {
            foreach (var chunk in byDeployment.Chunk(ChunkSize))
            {
                var ids = chunk.Select(f => f.RequestId).ToList();
                var existing = await db.Feedback.AsTracking()
                    .Where(f => f.Deployment == byDeployment.Key && ids.Contains(f.RequestId))
                    .ToDictionaryAsync(f => f.RequestId, StringComparer.Ordinal, cancellationToken);
                foreach (var item in chunk)
                {
                    if (existing.TryGetValue(item.RequestId, out var row))
                    {
                        row.Timestamp = item.Timestamp;
                        row.Actual = item.Actual;
                        row.Outcome = item.Outcome;
                        row.Value = item.Value;
                    }
                    else
                    {
                        db.Feedback.Add(new FeedbackEntity
                        {
                            Deployment = item.Deployment, RequestId = item.RequestId, Timestamp = item.Timestamp,
                            Actual = item.Actual, Outcome = item.Outcome, Value = item.Value,
                        });
                    }
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }
}
