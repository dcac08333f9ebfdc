using System.Collections.Concurrent;
using Cairn.Core.Errors;
using Cairn.Core.Serving;

namespace Cairn.Inference.Tests.Support;

/// <summary>A test double of the deployment store (the real one lives in Cairn.Storage): enough for routing tests.</summary>
public sealed class InMemoryDeploymentStore : IDeploymentStore
{
    private readonly ConcurrentDictionary<string, Deployment> _deployments = new(StringComparer.Ordinal);

    /// <summary>Creates or replaces a deployment (tests set state directly).</summary>
    public void Put(Deployment deployment) =>
        _deployments.AddOrUpdate(deployment.Name, deployment with { Revision = 1 }, (_, old) => deployment with { Revision = old.Revision + 1 });

    public void Remove(string name) => _deployments.TryRemove(name, out _);

    public Task<Deployment> CreateAsync(Deployment deployment, DeploymentEvent created, CancellationToken cancellationToken)
    {
        var stored = deployment with { Revision = 1 };
        return _deployments.TryAdd(deployment.Name, stored)
            ? Task.FromResult(stored)
            : throw CairnException.AlreadyExists($"Deployment '{deployment.Name}' already exists.");
    }

    public Task<Deployment?> GetAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(_deployments.GetValueOrDefault(name));

    public Task<IReadOnlyList<Deployment>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Deployment>>([.. _deployments.Values.OrderBy(d => d.Name, StringComparer.Ordinal)]);

    public Task<Deployment> UpdateAsync(Deployment deployment, long expectedRevision, DeploymentEvent change, CancellationToken cancellationToken)
    {
        var stored = deployment with { Revision = expectedRevision + 1 };
        _deployments[deployment.Name] = stored;
        return Task.FromResult(stored);
    }

    public Task DeleteAsync(string name, DeploymentEvent deleted, CancellationToken cancellationToken)
    {
        _deployments.TryRemove(name, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeploymentEvent>> ListEventsAsync(string name, int maxResults, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeploymentEvent>>([]);
}
