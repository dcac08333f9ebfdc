using Cairn.Core.Monitoring;

namespace Cairn.Monitoring.Monitors;

/// <summary>
/// Runs a monitor over a window of a deployment's prediction log: drift of the model's features and of its
/// predictions against the variant's training profile, live performance from feedback, health, alerts;
/// stores the report.
/// </summary>
public sealed partial class MonitorService
{
    public const long DefaultLast = 1000;

    public const long MaxLast = 1_000_000;

    /// <summary>One report: the given variant, or the deployment's main live variant (the highest weight).</summary>
    public Task<MonitorReport> RunAsync(MonitorRequest request, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>One report per variant: the given one, or every live variant (the config's variant when it has one).</summary>
    public Task<IReadOnlyList<MonitorReport>> RunAllAsync(MonitorRequest request, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
