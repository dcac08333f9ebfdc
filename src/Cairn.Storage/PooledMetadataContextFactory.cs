using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage;

internal sealed class PooledMetadataContextFactory<TContext>(IDbContextFactory<TContext> inner, bool isPostgres) : IMetadataContextFactory
    where TContext : MetadataContext
{
    public bool IsPostgres { get; } = isPostgres;

    public MetadataContext Create() => inner.CreateDbContext();
}
