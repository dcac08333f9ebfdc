using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage;

/// <summary>Progressive rollouts of model versions on deployments and their decisions.</summary>
public abstract partial class MetadataContext
{
    public DbSet<RolloutEntity> Rollouts => Set<RolloutEntity>();
    public DbSet<RolloutDecisionEntity> RolloutDecisions => Set<RolloutDecisionEntity>();

    partial void ConfigureRollouts(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RolloutEntity>(e =>
        {
            e.ToTable("rollouts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Deployment).HasMaxLength(256);
            e.Property(x => x.ActiveDeployment).HasMaxLength(256);
            e.Property(x => x.Model).HasMaxLength(256);
            e.Property(x => x.CandidateVariant).HasMaxLength(64);
            e.Property(x => x.State).HasMaxLength(32);
            e.Property(x => x.Actor).HasMaxLength(256);
            // NULLs are distinct in a unique index on both providers: ended rollouts do not collide.
            e.HasIndex(x => x.ActiveDeployment).IsUnique();
            e.HasIndex(x => new { x.Deployment, x.Id });
            e.HasIndex(x => x.State);
        });
        modelBuilder.Entity<RolloutDecisionEntity>(e =>
        {
            e.ToTable("rollout_decisions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Action).HasMaxLength(32);
            e.Property(x => x.Actor).HasMaxLength(256);
            e.HasOne<RolloutEntity>().WithMany().HasForeignKey(x => x.RolloutId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.RolloutId, x.Id });
        });
    }
}
