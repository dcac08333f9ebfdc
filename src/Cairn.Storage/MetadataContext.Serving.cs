using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage;

/// <summary>Serving: deployments (variants as a JSON column), their change history, and feedback by request id.</summary>
public abstract partial class MetadataContext
{
    public DbSet<DeploymentEntity> Deployments => Set<DeploymentEntity>();
    public DbSet<DeploymentEventEntity> DeploymentEvents => Set<DeploymentEventEntity>();
    public DbSet<FeedbackEntity> Feedback => Set<FeedbackEntity>();

    partial void ConfigureServing(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DeploymentEntity>(e =>
        {
            e.ToTable("deployments");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(256);
            e.Property(x => x.StickyKey).HasMaxLength(300);
        });
        modelBuilder.Entity<DeploymentEventEntity>(e =>
        {
            e.ToTable("deployment_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Deployment).HasMaxLength(256);
            e.Property(x => x.Actor).HasMaxLength(256);
            e.Property(x => x.Action).HasMaxLength(32);
            // The unique sequence per deployment is what makes two racing writers' events impossible to interleave.
            e.HasIndex(x => new { x.Deployment, x.Sequence }).IsUnique();
        });
        modelBuilder.Entity<FeedbackEntity>(e =>
        {
            e.ToTable("feedback");
            e.HasKey(x => new { x.Deployment, x.RequestId });
            e.Property(x => x.Deployment).HasMaxLength(256);
            e.Property(x => x.RequestId).HasMaxLength(128);
            e.Property(x => x.Outcome).HasMaxLength(256);
            e.HasIndex(x => new { x.Deployment, x.Timestamp });
        });
    }
}
