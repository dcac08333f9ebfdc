using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cairn.Serving.Routing;

/// <summary>
/// Loads and warms every deployment at start-up, in the background so the server starts listening at
/// once (health/live answers; health/ready turns true when the load is done).
/// </summary>
public sealed class DeploymentRouterHostedService(DeploymentRouter router, ILogger<DeploymentRouterHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await router.LoadAllAsync(stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The store may not be reachable yet (e.g. PostgreSQL still starting): try again shortly.
                logger.LogError(e, "Loading the deployments at start-up failed; retrying in 5 s");
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
