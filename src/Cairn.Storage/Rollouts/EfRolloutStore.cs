using Cairn.Core.Errors;
using Cairn.Core.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Rollouts;

/// <summary>
/// Rollouts on EF Core. A rollout's state change and its decision are one transaction; updates are
/// conditional on the revision, and the unique index on the active deployment keeps a deployment to one
/// active rollout.
/// </summary>
public sealed class EfRolloutStore(IMetadataContextFactory factory) : IRolloutStore
{
    private static readonly string Progressing = nameof(RolloutState.Progressing);
    private readonly IMetadataContextFactory _factory = factory;

    public async Task<Rollout> CreateAsync(Rollout rollout, RolloutDecision started, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Rollouts.AnyAsync(r => r.ActiveDeployment == rollout.Deployment, cancellationToken))
        {
            throw Conflict(rollout.Deployment);
        }

        var row = RolloutMapping.ToEntity(rollout with { Id = 0, Revision = 1 });
        db.Rollouts.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw Conflict(rollout.Deployment);
        }

        db.RolloutDecisions.Add(RolloutMapping.ToEntity(started, row.Id));
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return RolloutMapping.ToDomain(row);
    }

    public async Task<Rollout> UpdateAsync(Rollout rollout, long expectedRevision, RolloutDecision decision, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var next = RolloutMapping.ToEntity(rollout with { Revision = expectedRevision + 1 });
        var changed = await db.Rollouts.Where(r => r.Id == rollout.Id && r.Revision == expectedRevision)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.ActiveDeployment, next.ActiveDeployment)
                    .SetProperty(r => r.State, next.State)
                    .SetProperty(r => r.StepIndex, next.StepIndex)
                    .SetProperty(r => r.Weight, next.Weight)
                    .SetProperty(r => r.StepStartedAt, next.StepStartedAt)
                    .SetProperty(r => r.Failures, next.Failures)
                    .SetProperty(r => r.Inconclusive, next.Inconclusive)
                    .SetProperty(r => r.StartEventSequence, next.StartEventSequence)
                    .SetProperty(r => r.UpdatedAt, next.UpdatedAt)
                    .SetProperty(r => r.Revision, next.Revision),
                cancellationToken);
        if (changed == 0)
        {
            var current = await db.Rollouts.Where(r => r.Id == rollout.Id).Select(r => (long?)r.Revision).SingleOrDefaultAsync(cancellationToken);
            throw current is null
                ? CairnException.NotFound($"Rollout {rollout.Id} does not exist.")
                : new CairnException(ErrorCode.ResourceConflict,
                    $"Rollout {rollout.Id} was changed concurrently (revision {expectedRevision}, now {current}); read it again and retry.");
        }

        db.RolloutDecisions.Add(RolloutMapping.ToEntity(decision, rollout.Id));
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return RolloutMapping.ToDomain(await db.Rollouts.SingleAsync(r => r.Id == rollout.Id, cancellationToken));
    }

    public async Task<Rollout?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var row = await db.Rollouts.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return row is null ? null : RolloutMapping.ToDomain(row);
    }

    public async Task<Rollout?> CurrentAsync(string deployment, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var row = await db.Rollouts.Where(r => r.ActiveDeployment == deployment).SingleOrDefaultAsync(cancellationToken)
            ?? await db.Rollouts.Where(r => r.Deployment == deployment).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : RolloutMapping.ToDomain(row);
    }

    public async Task<IReadOnlyList<Rollout>> ListAsync(string? deployment, int maxResults, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var query = deployment is null ? db.Rollouts : db.Rollouts.Where(r => r.Deployment == deployment);
        var rows = await query.OrderByDescending(r => r.Id).Take(maxResults).ToListAsync(cancellationToken);
        return rows.Select(RolloutMapping.ToDomain).ToList();
    }

    public async Task<IReadOnlyList<Rollout>> ListProgressingAsync(CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var rows = await db.Rollouts.Where(r => r.State == Progressing).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return rows.Select(RolloutMapping.ToDomain).ToList();
    }

    public async Task<IReadOnlyList<RolloutDecision>> ListDecisionsAsync(long rolloutId, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var rows = await db.RolloutDecisions.Where(d => d.RolloutId == rolloutId).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        return rows.Select(RolloutMapping.ToDomain).ToList();
    }

    private static CairnException Conflict(string deployment) => new(
        ErrorCode.ResourceConflict,
        $"Deployment '{deployment}' already has an active rollout: pause, resume or abort it (or wait for it to end) before starting another.");
}
