namespace Cairn.Serving.Routing;

/// <summary>
/// Picks the variants that answer a request, from an in-memory snapshot of the deployments (refreshed
/// when one changes), so routing never touches storage.
/// </summary>
public interface IDeploymentRouter
{
    /// <summary>
    /// The live variant that answers (by weight; the same sticky key always gets the same variant) and the
    /// shadow variants that score a copy. Unknown deployment: RESOURCE_DOES_NOT_EXIST; paused: INVALID_STATE.
    /// </summary>
    RouteDecision Route(string deployment, string? stickyKey);

    /// <summary>Re-reads one deployment from the store after a change (or drops it when deleted).</summary>
    Task RefreshAsync(string deployment, CancellationToken cancellationToken);
}
