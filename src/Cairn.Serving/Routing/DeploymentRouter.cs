using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Cairn.Core.Errors;
using Cairn.Core.Serving;
using Cairn.Serving.Hosting;
using Microsoft.Extensions.Logging;

namespace Cairn.Serving.Routing;

/// <summary>
/// Routes requests from an immutable snapshot of every deployment. A change is applied by building the
/// new route with all of its models loaded and warmed up, and only then swapping the snapshot reference:
/// requests in flight keep the snapshot they started with, so a promote or rollback never fails one.
/// Writers (refreshes, the start-up load) are serialized; readers take no lock.
/// </summary>
public sealed class DeploymentRouter : IDeploymentRouter, IDisposable
{
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly IDeploymentStore? _store;
    private readonly IModelHost _host;
    private readonly ILogger<DeploymentRouter> _logger;
    private readonly ConcurrentDictionary<string, string> _failed = new(StringComparer.Ordinal);
    private volatile Dictionary<string, DeploymentRoute> _snapshot = new(StringComparer.Ordinal);
    private volatile bool _started;

    // The store is optional so a server without the deployments area still starts (and routes nothing).
    public DeploymentRouter(IModelHost host, ILogger<DeploymentRouter> logger, IDeploymentStore? store = null)
    {
        _host = host;
        _logger = logger;
        _store = store;
    }

    /// <summary>True once the start-up load finished (whatever its outcome).</summary>
    public bool Started => _started;

    /// <summary>True once the start-up load finished and every stored deployment has all its models warmed up.</summary>
    public bool IsReady => _started && _failed.IsEmpty;

    /// <summary>Deployments whose models could not be loaded, with the reason (they are not routed).</summary>
    public IReadOnlyDictionary<string, string> Failed => _failed;

    /// <summary>The routed deployments (the current snapshot).</summary>
    public IReadOnlyCollection<DeploymentRoute> Routes => _snapshot.Values;

    /// <summary>The request hot path: the compiled route of a deployment, without allocating.</summary>
    public bool TryGetRoute(string deployment, [NotNullWhen(true)] out DeploymentRoute? route) =>
        _snapshot.TryGetValue(deployment, out route);

    public RouteDecision Route(string deployment, string? stickyKey)
    {
        if (!TryGetRoute(deployment, out var route))
        {
            throw CairnException.NotFound($"Deployment '{deployment}' does not exist.");
        }

        if (route.Paused)
        {
            throw new CairnException(ErrorCode.InvalidState, $"Deployment '{deployment}' is paused.");
        }

        var live = route.Pick(stickyKey, stickyKey is not null)
            ?? throw new CairnException(ErrorCode.InvalidState, $"Deployment '{deployment}' has no live variant.");
        return new RouteDecision(route.Deployment, live.Variant, [.. route.Shadows.Select(s => s.Variant)]);
    }

    public async Task RefreshAsync(string deployment, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            var stored = _store is null ? null : await _store.GetAsync(deployment, cancellationToken);
            var next = new Dictionary<string, DeploymentRoute>(_snapshot, StringComparer.Ordinal);
            if (stored is null)
            {
                next.Remove(deployment);
            }
            else
            {
                // Load first, swap after: until every model of the new state is warm, the old one answers.
                next[deployment] = await CompileAsync(stored, cancellationToken);
            }

            _failed.TryRemove(deployment, out _);
            Publish(next);
        }
        finally
        {
            _write.Release();
        }
    }

    /// <summary>Loads every stored deployment (start-up), so a restarted server serves as soon as its models are warm.</summary>
    public async Task LoadAllAsync(CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            var deployments = _store is null ? [] : await _store.ListAsync(cancellationToken);
            var next = new Dictionary<string, DeploymentRoute>(StringComparer.Ordinal);
            foreach (var deployment in deployments)
            {
                try
                {
                    next[deployment.Name] = await CompileAsync(deployment, cancellationToken);
                    _failed.TryRemove(deployment.Name, out _);
                }
                catch (CairnException e)
                {
                    // One broken deployment must not keep the others from serving; readiness reports it.
                    _failed[deployment.Name] = e.Message;
                    _logger.LogError(e, "Deployment {Deployment} cannot be served: {Reason}", deployment.Name, e.Message);
                }
            }

            Publish(next);
            _started = true;
            _logger.LogInformation("Routing {Count} deployment(s); {Failed} failed to load", next.Count, _failed.Count);
        }
        finally
        {
            _write.Release();
        }
    }

    public void Dispose() => _write.Dispose();

    private async Task<DeploymentRoute> CompileAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        var live = new List<VariantTarget>();
        var shadows = new List<VariantTarget>();
        foreach (var variant in deployment.Variants)
        {
            var model = await _host.GetAsync(variant.Model, variant.Version, cancellationToken);
            (variant.Mode == VariantMode.Shadow ? shadows : live).Add(new VariantTarget(variant, model));
        }

        return new DeploymentRoute(deployment, live, shadows);
    }

    /// <summary>Swaps the snapshot, then releases the models no deployment uses any more.</summary>
    private void Publish(Dictionary<string, DeploymentRoute> next)
    {
        var previous = _snapshot;
        _snapshot = next;
        var used = next.Values.SelectMany(r => r.All).Select(t => (t.Model.Model, t.Model.Version)).ToHashSet();
        foreach (var (model, version) in previous.Values.SelectMany(r => r.All).Select(t => (t.Model.Model, t.Model.Version)).Distinct())
        {
            if (!used.Contains((model, version)))
            {
                _host.Unload(model, version);
            }
        }
    }
}
