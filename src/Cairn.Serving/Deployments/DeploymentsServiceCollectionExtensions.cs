using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cairn.Serving.Deployments;

public static class DeploymentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DeploymentService"/> and <see cref="FeedbackService"/>. They need the stores
    /// (AddCairnStorage), RegistryService, a TimeProvider, and the model host and router
    /// (<c>IModelHost</c>, <c>IDeploymentRouter</c>), which the hosting area registers.
    /// </summary>
    public static IServiceCollection AddCairnDeployments(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DeploymentService>();
        services.TryAddSingleton<FeedbackService>();
        return services;
    }
}
