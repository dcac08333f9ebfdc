using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage;

public abstract partial class MetadataContext
{
    public DbSet<DatasetNameEntity> DataSets => Set<DatasetNameEntity>();
    public DbSet<DatasetVersionEntity> DataSetVersions => Set<DatasetVersionEntity>();
    public DbSet<DatasetTagEntity> DataSetTags => Set<DatasetTagEntity>();

    partial void ConfigureDatasets(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DatasetNameEntity>(e =>
        {
            e.ToTable("data_sets");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasIndex(x => x.Name).IsUnique();
            e.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.DataSetId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Tags).WithOne().HasForeignKey(t => t.DataSetId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<DatasetVersionEntity>(e =>
        {
            e.ToTable("data_set_versions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Version).HasMaxLength(64);
            e.Property(x => x.Format).HasMaxLength(16);
            e.Property(x => x.ArtifactPath).HasMaxLength(300);

            // Idempotent imports rely on this: the same bytes under the same name are one row.
            e.HasIndex(x => new { x.DataSetId, x.Version }).IsUnique();
            e.HasIndex(x => new { x.DataSetId, x.CreatedAtMs });
            e.HasIndex(x => x.Version);
        });
        modelBuilder.Entity<DatasetTagEntity>(e =>
        {
            e.ToTable("data_set_tags");
            e.HasKey(x => new { x.DataSetId, x.Tag });
            e.Property(x => x.Tag).HasMaxLength(200);
            e.HasOne<DatasetVersionEntity>().WithMany().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
