using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cairn.Monitoring.Monitors;

public static class MonitorsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the monitor service, the settings service and the scheduler (the host decides whether it runs: AddHostedService). They need
    /// the stores (AddCairnStorage), the deployments (AddCairnDeployments), the registry and the prediction log.
    /// </summary>
    public static IServiceCollection AddCairnMonitors(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ModelReferenceCache>();
        services.TryAddSingleton<MonitorService>();
        services.TryAddSingleton<MonitorSettingsService>();
        services.TryAddSingleton<MonitorScheduler>();
        return services;
    }
}
