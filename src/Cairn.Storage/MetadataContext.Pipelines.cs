using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage;

/// <summary>Pipelines, their versions and runs, step executions, and the lineage graph (artifacts + events).</summary>
public abstract partial class MetadataContext
{
    public DbSet<PipelineEntity> Pipelines => Set<PipelineEntity>();
    public DbSet<PipelineVersionEntity> PipelineVersions => Set<PipelineVersionEntity>();
    public DbSet<PipelineRunEntity> PipelineRuns => Set<PipelineRunEntity>();
    public DbSet<ExecutionEntity> Executions => Set<ExecutionEntity>();
    public DbSet<LineageArtifactEntity> LineageArtifacts => Set<LineageArtifactEntity>();
    public DbSet<LineageEventEntity> LineageEvents => Set<LineageEventEntity>();
    public DbSet<AppliedPipelineEntity> AppliedPipelines => Set<AppliedPipelineEntity>();
    public DbSet<PipelineTriggerEntity> PipelineTriggers => Set<PipelineTriggerEntity>();

    partial void ConfigurePipelines(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PipelineEntity>(e =>
        {
            e.ToTable("pipelines");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(256);
            e.HasIndex(x => x.Name).IsUnique();
        });
        modelBuilder.Entity<PipelineVersionEntity>(e =>
        {
            e.ToTable("pipeline_versions");
            e.HasKey(x => x.Id);
            e.Property(x => x.SpecHash).HasMaxLength(64);
            e.HasOne(x => x.Pipeline).WithMany().HasForeignKey(x => x.PipelineId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.PipelineId, x.SpecHash }).IsUnique();
        });
        modelBuilder.Entity<PipelineRunEntity>(e =>
        {
            e.ToTable("pipeline_runs");
            e.HasKey(x => x.RunId);
            e.Property(x => x.RunId).HasMaxLength(32);
            e.Property(x => x.Trigger).HasMaxLength(500);
            e.HasOne(x => x.PipelineVersion).WithMany().HasForeignKey(x => x.PipelineVersionId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.PipelineVersionId, x.CreatedTime });
            // The reconciler looks for unfinished runs on every start-up.
            e.HasIndex(x => x.Status);
        });
        modelBuilder.Entity<ExecutionEntity>(e =>
        {
            e.ToTable("executions");
            e.HasKey(x => x.Id);
            e.Property(x => x.StepId).HasMaxLength(100);
            e.Property(x => x.CacheKey).HasMaxLength(64);
            e.HasOne<PipelineRunEntity>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
            // One row per attempt: the unique key is what makes a duplicate dispatch harmless.
            e.HasIndex(x => new { x.RunId, x.StepId, x.Attempt }).IsUnique();
            e.HasIndex(x => new { x.CacheKey, x.State });
        });
        modelBuilder.Entity<LineageArtifactEntity>(e =>
        {
            e.ToTable("lineage_artifacts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Type).HasMaxLength(50);
            e.Property(x => x.ContentHash).HasMaxLength(100);
            e.HasIndex(x => x.Uri);
            e.HasIndex(x => x.ContentHash);
        });
        modelBuilder.Entity<LineageEventEntity>(e =>
        {
            e.ToTable("lineage_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Slot).HasMaxLength(200);
            e.HasOne<ExecutionEntity>().WithMany().HasForeignKey(x => x.ExecutionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<LineageArtifactEntity>().WithMany().HasForeignKey(x => x.ArtifactId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ExecutionId, x.Kind });
            e.HasIndex(x => new { x.ArtifactId, x.Kind });
        });
        ConfigureTriggers(modelBuilder);
    }

    private static void ConfigureTriggers(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AppliedPipelineEntity>(e =>
        {
            e.ToTable("applied_pipelines");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(256);
            e.Property(x => x.FileName).HasMaxLength(256);
            e.HasIndex(x => x.Name).IsUnique();
            e.HasMany(x => x.Triggers).WithOne().HasForeignKey(t => t.AppliedPipelineId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PipelineTriggerEntity>(e =>
        {
            e.ToTable("pipeline_triggers");
            e.HasKey(x => x.Id);
            e.Property(x => x.Key).HasMaxLength(64);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.LastRunId).HasMaxLength(32);
            e.Property(x => x.LastDatasetVersion).HasMaxLength(64);
            e.HasIndex(x => new { x.AppliedPipelineId, x.Key }).IsUnique();
        });
    }
}
