namespace Cairn.Core.Monitoring;

/// <summary>Monitor configs, alert rules and alert events per deployment (the metadata store).</summary>
public interface IMonitorConfigStore
{
    Task<MonitorConfig?> GetConfigAsync(string deployment, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the deployment's config (keeping its last run time).</summary>
    Task<MonitorConfig> PutConfigAsync(MonitorConfig config, CancellationToken cancellationToken);

    /// <summary>Configs with an interval (the scheduler's list).</summary>
    Task<IReadOnlyList<MonitorConfig>> ListScheduledAsync(CancellationToken cancellationToken);

    Task MarkRunAsync(string deployment, long runAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<AlertRule>> GetRulesAsync(string deployment, CancellationToken cancellationToken);

    /// <summary>Replaces the deployment's rule set; states of removed rules are dropped (no resolve event).</summary>
    Task<IReadOnlyList<AlertRule>> PutRulesAsync(string deployment, IReadOnlyList<AlertRule> rules, CancellationToken cancellationToken);

    /// <summary>Rules currently firing, per variant.</summary>
    Task<IReadOnlyList<AlertState>> GetFiringAsync(string deployment, CancellationToken cancellationToken);

    /// <summary>
    /// Applies one report's alert evaluation atomically: stores the events and updates the firing states
    /// (a fired event adds a state, a resolved event removes it).
    /// </summary>
    Task<IReadOnlyList<AlertEvent>> RecordAlertEventsAsync(IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken);

    /// <summary>The deployment's alert events (every deployment's when null), newest first.</summary>
    Task<IReadOnlyList<AlertEvent>> ListAlertEventsAsync(string? deployment, int maxResults, CancellationToken cancellationToken);
}
