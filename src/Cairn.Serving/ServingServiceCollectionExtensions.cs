using Cairn.Core.Serving;
using Cairn.Serving.Hosting;
using Cairn.Serving.Inference;
using Cairn.Serving.Metrics;
using Cairn.Serving.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Cairn.Serving;

/// <summary>Registers the model host, the deployment router (loaded at start-up) and the inference pipeline.</summary>
public static class ServingServiceCollectionExtensions
{
    public static IServiceCollection AddModelServing(this IServiceCollection services)
    {
        services.AddOptions<ModelHostOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ModelHost>();
        services.TryAddSingleton<IModelHost>(sp => sp.GetRequiredService<ModelHost>());
        services.TryAddSingleton<DeploymentRouter>();
        services.TryAddSingleton<IDeploymentRouter>(sp => sp.GetRequiredService<DeploymentRouter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DeploymentRouterHostedService>());
        services.AddOptions<InferenceOptions>();
        services.TryAddSingleton<ShadowScorer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ShadowScorer>(sp => sp.GetRequiredService<ShadowScorer>()));
        services.TryAddSingleton<InferenceService>();

        // Defaults so serving runs on its own; the metrics and prediction-log areas register the real ones.
        services.TryAddSingleton<IServingMetrics, NullServingMetrics>();
        services.TryAddSingleton<IPredictionLog, NullPredictionLog>();
        return services;
    }
}
