using Cairn.Core.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cairn.Monitoring.Rollouts;

public static class RolloutsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RolloutService"/> (also as Core's <see cref="IRolloutLauncher"/>) and the
    /// <see cref="RolloutController"/> (a singleton that is also the hosted loop). Needs the deployment
    /// services, the serving metrics, the prediction log reader, the feedback and rollout stores.
    /// </summary>
    public static IServiceCollection AddCairnRollouts(this IServiceCollection services, Action<RolloutControllerOptions>? configure = null)
    {
        var options = services.AddOptions<RolloutControllerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RolloutBaselines>();
        services.TryAddSingleton<RolloutEvidenceReader>();
        services.TryAddSingleton<RolloutService>();
        services.TryAddSingleton<IRolloutLauncher>(sp => sp.GetRequiredService<RolloutService>());
        services.TryAddSingleton<RolloutController>();
        services.AddHostedService(sp => sp.GetRequiredService<RolloutController>());
        return services;
    }
}
