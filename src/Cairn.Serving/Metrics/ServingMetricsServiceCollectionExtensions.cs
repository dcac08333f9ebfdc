using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cairn.Serving.Metrics;

/// <summary>Registers the one <see cref="ServingMetrics"/> of the process, also as <see cref="IServingMetrics"/>.</summary>
public static class ServingMetricsServiceCollectionExtensions
{
    public static IServiceCollection AddServingMetrics(this IServiceCollection services)
    {
        services.TryAddSingleton<ServingMetrics>();
        services.TryAddSingleton<IServingMetrics>(sp => sp.GetRequiredService<ServingMetrics>());
        return services;
    }
}
