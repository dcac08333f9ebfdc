using Cairn.Core.Errors;
using Cairn.Core.Serving;
using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Serving;

/// <summary>
/// Deployments and their history on EF Core. Each write is one transaction holding the deployment row
/// and its event; updates are conditional on the revision (<c>WHERE revision = expected</c>), so of two
/// writers that read the same revision exactly one wins and the other gets RESOURCE_CONFLICT.
/// </summary>
public sealed class EfDeploymentStore(IMetadataContextFactory factory) : IDeploymentStore
{
    private readonly IMetadataContextFactory _factory = factory;

    public async Task<Deployment> CreateAsync(Deployment deployment, DeploymentEvent created, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Deployments.AnyAsync(d => d.Name == deployment.Name, cancellationToken))
        {
            throw AlreadyExists(deployment.Name);
        }

        var stored = deployment with { Revision = 1 };
        db.Deployments.Add(new DeploymentEntity
        {
            Name = stored.Name,
            Description = stored.Description,
            StickyKey = stored.StickyKey,
            Status = (int)stored.Status,
            VariantsJson = DeploymentMapping.VariantsJson(stored.Variants),
            CreationTimestamp = stored.CreationTimestamp,
            LastUpdatedTimestamp = stored.LastUpdatedTimestamp,
            Revision = 1,
        });
        // A name can be reused after a delete: its history continues rather than restarting at 1.
        db.DeploymentEvents.Add(DeploymentMapping.ToEntity(created, await NextSequenceAsync(db, deployment.Name, cancellationToken)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw AlreadyExists(deployment.Name);
        }

        await tx.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<Deployment?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var row = await db.Deployments.SingleOrDefaultAsync(d => d.Name == name, cancellationToken);
        return row is null ? null : DeploymentMapping.ToDomain(row);
    }

    public async Task<IReadOnlyList<Deployment>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var rows = await db.Deployments.OrderBy(d => d.Name).ToListAsync(cancellationToken);
        return rows.Select(DeploymentMapping.ToDomain).ToList();
    }

    public async Task<Deployment> UpdateAsync(Deployment deployment, long expectedRevision, DeploymentEvent change, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var revision = expectedRevision + 1;
        var variants = DeploymentMapping.VariantsJson(deployment.Variants);
        var changed = await db.Deployments.Where(d => d.Name == deployment.Name && d.Revision == expectedRevision)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Description, deployment.Description)
                    .SetProperty(d => d.StickyKey, deployment.StickyKey)
                    .SetProperty(d => d.Status, (int)deployment.Status)
                    .SetProperty(d => d.VariantsJson, variants)
                    .SetProperty(d => d.LastUpdatedTimestamp, deployment.LastUpdatedTimestamp)
                    .SetProperty(d => d.Revision, revision),
                cancellationToken);
        if (changed == 0)
        {
            var current = await db.Deployments.Where(d => d.Name == deployment.Name).Select(d => (long?)d.Revision).SingleOrDefaultAsync(cancellationToken);
            throw current is null ? NotFound(deployment.Name) : Stale(deployment.Name, expectedRevision, current.Value);
        }

        db.DeploymentEvents.Add(DeploymentMapping.ToEntity(change, await NextSequenceAsync(db, deployment.Name, cancellationToken)));
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        var row = await db.Deployments.SingleAsync(d => d.Name == deployment.Name, cancellationToken);
        return DeploymentMapping.ToDomain(row);
    }

    public async Task DeleteAsync(string name, DeploymentEvent deleted, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Deployments.Where(d => d.Name == name).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            throw NotFound(name);
        }

        db.DeploymentEvents.Add(DeploymentMapping.ToEntity(deleted, await NextSequenceAsync(db, name, cancellationToken)));
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DeploymentEvent>> ListEventsAsync(string name, int maxResults, CancellationToken cancellationToken)
    {
        await using var db = _factory.Create();
        var rows = await db.DeploymentEvents.Where(e => e.Deployment == name)
            .OrderByDescending(e => e.Sequence).Take(maxResults).ToListAsync(cancellationToken);
        return rows.Select(DeploymentMapping.ToDomain).ToList();
    }

    private static async Task<long> NextSequenceAsync(MetadataContext db, string name, CancellationToken cancellationToken) =>
        (await db.DeploymentEvents.Where(e => e.Deployment == name).MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0) + 1;

    private static CairnException AlreadyExists(string name) => CairnException.AlreadyExists($"Deployment '{name}' already exists.");

    private static CairnException NotFound(string name) => CairnException.NotFound($"Deployment '{name}' does not exist.");

    private static CairnException Stale(string name, long expected, long current) => new(
        ErrorCode.ResourceConflict,
        $"Deployment '{name}' was changed concurrently: parameter 'revision' is {expected} but the deployment is at revision {current}; read it again and retry.");
}
