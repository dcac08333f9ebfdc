using System.Collections.Concurrent;
using Cairn.Core.Serving;

namespace Cairn.Bench.Inference;

/// <summary>The bench's deployments, in memory (the harness creates them itself).</summary>
internal sealed class BenchDeploymentStore : IDeploymentStore
{
    private readonly ConcurrentDictionary<string, Deployment> _deployments = new(StringComparer.Ordinal);

    public Task<Deployment> CreateAsync(Deployment deployment, DeploymentEvent created, CancellationToken cancellationToken) =>
        Task.FromResult(_deployments[deployment.Name] = deployment with { Revision = 1 });

    public Task<Deployment?> GetAsync(string name, CancellationToken cancellationToken) => Task.FromResult(_deployments.GetValueOrDefault(name));

    public Task<IReadOnlyList<Deployment>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Deployment>>([.. _deployments.Values]);

    public Task<Deployment> UpdateAsync(Deployment deployment, long expectedRevision, DeploymentEvent change, CancellationToken cancellationToken) =>
        Task.FromResult(_deployments[deployment.Name] = deployment with { Revision = expectedRevision + 1 });

    public Task DeleteAsync(string name, DeploymentEvent deleted, CancellationToken cancellationToken)
    {
        _deployments.TryRemove(name, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeploymentEvent>> ListEventsAsync(string name, int maxResults, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeploymentEvent>>([]);
}
