using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage;

/// <summary>The metadata model on SQLite; its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteMetadataContext(DbContextOptions<SqliteMetadataContext> options) : MetadataContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Metric history is written only by raw INSERTs that omit the id, so SQLite's plain rowid assigns
        // it; AUTOINCREMENT would also update sqlite_sequence on each of millions of inserts.
        modelBuilder.Entity<MetricEntity>().Property(x => x.Id).ValueGeneratedNever();
    }
}
