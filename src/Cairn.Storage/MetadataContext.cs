using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage;

/// <summary>
/// The metadata store's EF Core model, shared by both providers. Each provider has a derived context
/// (<see cref="SqliteMetadataContext"/>, <see cref="PostgresMetadataContext"/>) that owns its migrations.
/// Areas configure their tables in partial files (<c>MetadataContext.Registry.cs</c>, ...).
/// </summary>
public abstract partial class MetadataContext : DbContext
{
    protected MetadataContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<ExperimentEntity> Experiments => Set<ExperimentEntity>();
    public DbSet<ExperimentTagEntity> ExperimentTags => Set<ExperimentTagEntity>();
    public DbSet<RunEntity> Runs => Set<RunEntity>();
    public DbSet<ParamEntity> Params => Set<ParamEntity>();
    public DbSet<RunTagEntity> RunTags => Set<RunTagEntity>();
    public DbSet<MetricEntity> Metrics => Set<MetricEntity>();
    public DbSet<LatestMetricEntity> LatestMetrics => Set<LatestMetricEntity>();
    public DbSet<DatasetEntity> Datasets => Set<DatasetEntity>();
    public DbSet<RunDatasetInputEntity> RunDatasetInputs => Set<RunDatasetInputEntity>();
    public DbSet<RunModelInputEntity> RunModelInputs => Set<RunModelInputEntity>();
    public DbSet<RunModelOutputEntity> RunModelOutputs => Set<RunModelOutputEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureTracking(modelBuilder);
        ConfigureRegistry(modelBuilder);
        ConfigureLoggedModels(modelBuilder);
        ConfigureDatasets(modelBuilder);
        ConfigurePipelines(modelBuilder);
        ConfigureServing(modelBuilder);
        ConfigureRollouts(modelBuilder);
        ConfigureMonitoring(modelBuilder);
    }

    partial void ConfigureRegistry(ModelBuilder modelBuilder);

    partial void ConfigureLoggedModels(ModelBuilder modelBuilder);

    partial void ConfigureDatasets(ModelBuilder modelBuilder);

    partial void ConfigurePipelines(ModelBuilder modelBuilder);

    partial void ConfigureServing(ModelBuilder modelBuilder);

    partial void ConfigureRollouts(ModelBuilder modelBuilder);
    partial void ConfigureMonitoring(ModelBuilder modelBuilder);

    private static void ConfigureTracking(ModelBuilder b)
    {
        b.Entity<ExperimentEntity>(e =>
        {
            e.ToTable("experiments");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(500);
            e.HasIndex(x => x.Name).IsUnique();
            e.HasMany(x => x.Tags).WithOne().HasForeignKey(t => t.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ExperimentTagEntity>(e =>
        {
            e.ToTable("experiment_tags");
            e.HasKey(x => new { x.ExperimentId, x.Key });
            e.Property(x => x.Key).HasMaxLength(250);
        });
        b.Entity<RunEntity>(e =>
        {
            e.ToTable("runs");
            e.HasKey(x => x.RunId);
            e.Property(x => x.RunId).HasMaxLength(32);
            e.HasOne<ExperimentEntity>().WithMany().HasForeignKey(x => x.ExperimentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ExperimentId, x.StartTime });
            e.HasMany(x => x.Params).WithOne().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Tags).WithOne().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.LatestMetrics).WithOne().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.DatasetInputs).WithOne().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ParamEntity>(e =>
        {
            e.ToTable("params");
            e.HasKey(x => new { x.RunId, x.Key });
            e.Property(x => x.Key).HasMaxLength(250);
            e.HasIndex(x => new { x.Key, x.Value });
        });
        b.Entity<RunTagEntity>(e =>
        {
            e.ToTable("run_tags");
            e.HasKey(x => new { x.RunId, x.Key });
            e.Property(x => x.Key).HasMaxLength(250);
            e.HasIndex(x => new { x.Key, x.Value });
        });
        b.Entity<MetricEntity>(e =>
        {
            e.ToTable("metrics");
            e.HasKey(x => x.Id);
            e.Property(x => x.Key).HasMaxLength(250);
            e.HasOne<RunEntity>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.RunId, x.Key, x.Step, x.Timestamp });
        });
        b.Entity<LatestMetricEntity>(e =>
        {
            e.ToTable("latest_metrics");
            e.HasKey(x => new { x.RunId, x.Key });
            e.Property(x => x.Key).HasMaxLength(250);
            e.HasIndex(x => new { x.Key, x.Value });
        });
        b.Entity<DatasetEntity>(e =>
        {
            e.ToTable("datasets");
            e.HasKey(x => x.Id);
            e.HasOne<ExperimentEntity>().WithMany().HasForeignKey(x => x.ExperimentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ExperimentId, x.Name, x.Digest }).IsUnique();
        });
        b.Entity<RunDatasetInputEntity>(e =>
        {
            e.ToTable("run_dataset_inputs");
            e.HasKey(x => new { x.RunId, x.DatasetId });
            e.HasOne(x => x.Dataset).WithMany().HasForeignKey(x => x.DatasetId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RunModelInputEntity>(e =>
        {
            e.ToTable("run_model_inputs");
            e.HasKey(x => new { x.RunId, x.ModelId });
            e.HasOne<RunEntity>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<RunModelOutputEntity>(e =>
        {
            e.ToTable("run_model_outputs");
            e.HasKey(x => new { x.RunId, x.ModelId, x.Step });
            e.HasOne<RunEntity>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
