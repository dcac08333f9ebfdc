using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cairn.Serving.Metrics;

/// <summary>
/// Registers the one <see cref="ServingMetrics"/> of the process, also as <see cref="IServingMetrics"/>,
/// replacing a do-nothing default registered earlier (whichever area is wired first).
/// </summary>
public static class ServingMetricsServiceCollectionExtensions
{
    public static IServiceCollection AddServingMetrics(this IServiceCollection services)
    {
        services.TryAddSingleton<ServingMetrics>();
        services.RemoveAll<IServingMetrics>();
        services.AddSingleton<IServingMetrics>(sp => sp.GetRequiredService<ServingMetrics>());
        return services;
    }
}
