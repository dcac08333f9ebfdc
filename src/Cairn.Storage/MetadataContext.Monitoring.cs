using Cairn.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage;

/// <summary>Monitoring: reports (JSON body + indexed columns), monitor configs, alert rules, firing states and alert events.</summary>
public abstract partial class MetadataContext
{
    public DbSet<MonitorReportEntity> MonitorReports => Set<MonitorReportEntity>();
    public DbSet<MonitorConfigEntity> MonitorConfigs => Set<MonitorConfigEntity>();
    public DbSet<MonitorAlertRuleEntity> MonitorAlertRules => Set<MonitorAlertRuleEntity>();
    public DbSet<MonitorAlertStateEntity> MonitorAlertStates => Set<MonitorAlertStateEntity>();
    public DbSet<MonitorAlertEventEntity> MonitorAlertEvents => Set<MonitorAlertEventEntity>();

    partial void ConfigureMonitoring(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MonitorReportEntity>(e =>
        {
            e.ToTable("monitor_reports");
            e.HasKey(x => x.Id);
            e.Property(x => x.Deployment).HasMaxLength(256);
            e.Property(x => x.Variant).HasMaxLength(256);
            e.Property(x => x.Model).HasMaxLength(256);
            // Listing a deployment's reports newest first pages by id; the time index serves per-variant history.
            e.HasIndex(x => new { x.Deployment, x.Id });
            e.HasIndex(x => new { x.Deployment, x.Variant, x.CreatedAt });
        });
        modelBuilder.Entity<MonitorConfigEntity>(e =>
        {
            e.ToTable("monitor_configs");
            e.HasKey(x => x.Deployment);
            e.Property(x => x.Deployment).HasMaxLength(256);
            e.Property(x => x.Variant).HasMaxLength(256);
        });
        modelBuilder.Entity<MonitorAlertRuleEntity>(e =>
        {
            e.ToTable("monitor_alert_rules");
            e.HasKey(x => new { x.Deployment, x.Name });
            e.Property(x => x.Deployment).HasMaxLength(256);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Metric).HasMaxLength(300);
            e.Property(x => x.Op).HasMaxLength(2);
        });
        modelBuilder.Entity<MonitorAlertStateEntity>(e =>
        {
            e.ToTable("monitor_alert_states");
            e.HasKey(x => new { x.Deployment, x.Rule, x.Variant });
            e.Property(x => x.Deployment).HasMaxLength(256);
            e.Property(x => x.Rule).HasMaxLength(200);
            e.Property(x => x.Variant).HasMaxLength(256);
        });
        modelBuilder.Entity<MonitorAlertEventEntity>(e =>
        {
            e.ToTable("monitor_alert_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Deployment).HasMaxLength(256);
            e.Property(x => x.Variant).HasMaxLength(256);
            e.Property(x => x.Rule).HasMaxLength(200);
            e.Property(x => x.Metric).HasMaxLength(300);
            e.Property(x => x.Op).HasMaxLength(2);
            e.Property(x => x.State).HasMaxLength(16);
            e.HasIndex(x => new { x.Deployment, x.Id });
        });
    }
}
