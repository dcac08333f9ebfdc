using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage;

/// <summary>The model registry's tables: models, versions, their tags, and aliases.</summary>
public abstract partial class MetadataContext
{
    public DbSet<RegisteredModelEntity> RegisteredModels => Set<RegisteredModelEntity>();
    public DbSet<RegisteredModelTagEntity> RegisteredModelTags => Set<RegisteredModelTagEntity>();
    public DbSet<RegisteredModelAliasEntity> RegisteredModelAliases => Set<RegisteredModelAliasEntity>();
    public DbSet<ModelVersionEntity> ModelVersions => Set<ModelVersionEntity>();
    public DbSet<ModelVersionTagEntity> ModelVersionTags => Set<ModelVersionTagEntity>();

    partial void ConfigureRegistry(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RegisteredModelEntity>(e =>
        {
            e.ToTable("registered_models");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(256);
            e.HasIndex(x => x.Name).IsUnique();
            e.HasIndex(x => x.LastUpdatedTime);
            e.HasMany(x => x.Tags).WithOne().HasForeignKey(t => t.RegisteredModelId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RegisteredModelTagEntity>(e =>
        {
            e.ToTable("registered_model_tags");
            e.HasKey(x => new { x.RegisteredModelId, x.Key });
            e.Property(x => x.Key).HasMaxLength(250);
        });
        modelBuilder.Entity<ModelVersionEntity>(e =>
        {
            e.ToTable("model_versions");
            e.HasKey(x => new { x.RegisteredModelId, x.Version });
            e.HasOne(x => x.RegisteredModel).WithMany().HasForeignKey(x => x.RegisteredModelId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.CurrentStage).HasMaxLength(20);
            e.Property(x => x.Status).HasMaxLength(20);
            e.HasIndex(x => new { x.RegisteredModelId, x.CurrentStage, x.Version });
            e.HasIndex(x => x.RunId);
            e.HasIndex(x => x.LastUpdatedTime);
            e.HasMany(x => x.Tags).WithOne().HasForeignKey(t => new { t.RegisteredModelId, t.Version }).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ModelVersionTagEntity>(e =>
        {
            e.ToTable("model_version_tags");
            e.HasKey(x => new { x.RegisteredModelId, x.Version, x.Key });
            e.Property(x => x.Key).HasMaxLength(250);
        });
        modelBuilder.Entity<RegisteredModelAliasEntity>(e =>
        {
            e.ToTable("registered_model_aliases");
            e.HasKey(x => new { x.RegisteredModelId, x.Alias });
            e.Property(x => x.Alias).HasMaxLength(255);
            e.HasOne<ModelVersionEntity>().WithMany().HasForeignKey(x => new { x.RegisteredModelId, x.Version }).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
