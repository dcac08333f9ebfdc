using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage;

public abstract partial class MetadataContext
{
    public DbSet<LoggedModelEntity> LoggedModels => Set<LoggedModelEntity>();
    public DbSet<LoggedModelTagEntity> LoggedModelTags => Set<LoggedModelTagEntity>();
    public DbSet<LoggedModelParamEntity> LoggedModelParams => Set<LoggedModelParamEntity>();

    partial void ConfigureLoggedModels(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LoggedModelEntity>(e =>
        {
            e.ToTable("logged_models");
            e.HasKey(x => x.ModelId);
            e.Property(x => x.ModelId).HasMaxLength(40);
            e.Property(x => x.Name).HasMaxLength(500);
            e.Property(x => x.SourceRunId).HasMaxLength(32);
            e.Property(x => x.LifecycleStage).HasMaxLength(32);
            e.HasOne<ExperimentEntity>().WithMany().HasForeignKey(x => x.ExperimentId).OnDelete(DeleteBehavior.Cascade);

            // register_model("runs:/...") searches by experiment and name; the default order is newest first.
            e.HasIndex(x => new { x.ExperimentId, x.Name });
            e.HasIndex(x => new { x.ExperimentId, x.CreationTimestampMs });
            e.HasIndex(x => x.SourceRunId);
            e.HasMany(x => x.Tags).WithOne().HasForeignKey(t => t.ModelId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Params).WithOne().HasForeignKey(p => p.ModelId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LoggedModelTagEntity>(e =>
        {
            e.ToTable("logged_model_tags");
            e.HasKey(x => new { x.ModelId, x.Key });
            e.Property(x => x.Key).HasMaxLength(250);
        });
        modelBuilder.Entity<LoggedModelParamEntity>(e =>
        {
            e.ToTable("logged_model_params");
            e.HasKey(x => new { x.ModelId, x.Key });
            e.Property(x => x.Key).HasMaxLength(250);
        });

        // A logged model's metrics are the run metrics logged with its model_id; index them for that lookup.
        // Partial: almost every metric has no model id, and indexing those rows would slow every log-batch.
        modelBuilder.Entity<MetricEntity>().HasIndex(x => new { x.ModelId, x.Key }).HasFilter("\"ModelId\" IS NOT NULL");
    }
}
