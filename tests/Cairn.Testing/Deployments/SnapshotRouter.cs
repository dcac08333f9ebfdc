using System.Collections.Concurrent;
using Cairn.Core.Errors;
using Cairn.Core.Serving;
using Cairn.Serving.Routing;

namespace Cairn.Testing.Deployments;

/// <summary>
/// A minimal IDeploymentRouter for these tests when the server has none registered yet: it keeps the
/// deployments as last refreshed and answers with the heaviest live variant, so tests can see that every
/// change reached the router.
/// </summary>
public sealed class SnapshotRouter(IDeploymentStore store) : IDeploymentRouter
{
    private readonly ConcurrentDictionary<string, Deployment> _snapshot = new(StringComparer.Ordinal);

    public RouteDecision Route(string deployment, string? stickyKey)
    {
        if (!_snapshot.TryGetValue(deployment, out var d))
        {
            throw CairnException.NotFound($"Deployment '{deployment}' does not exist.");
        }

        if (d.Status == DeploymentStatus.Paused)
        {
            throw new CairnException(ErrorCode.InvalidState, $"Deployment '{deployment}' is paused.");
        }

        var live = d.Variants.Where(v => v.Mode == VariantMode.Live).MaxBy(v => v.Weight)!;
        return new RouteDecision(d, live, [.. d.Variants.Where(v => v.Mode == VariantMode.Shadow)]);
    }

    public async Task RefreshAsync(string deployment, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(deployment, cancellationToken) is { } d)
        {
            _snapshot[deployment] = d;
        }
        else
        {
            _snapshot.TryRemove(deployment, out _);
        }
    }
}
