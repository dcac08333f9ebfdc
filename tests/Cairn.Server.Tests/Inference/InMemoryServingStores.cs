using System.Collections.Concurrent;
using Cairn.Core.Serving;

namespace Cairn.Server.Tests.Inference;

/// <summary>
/// Test doubles for the serving stores the "deploy" area implements on the metadata store: feedback by
/// request id (latest wins) and a fixed set of known deployment names.
/// </summary>
internal sealed class InMemoryFeedbackStore : IFeedbackStore
{
    private readonly ConcurrentDictionary<(string, string), Feedback> _feedback = new();

    public Task AddAsync(IReadOnlyList<Feedback> feedback, CancellationToken cancellationToken)
    {
        foreach (var f in feedback)
        {
            _feedback[(f.Deployment, f.RequestId)] = f;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, Feedback>> GetAsync(string deployment, IReadOnlyCollection<string> requestIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, Feedback>>(requestIds
            .Where(id => _feedback.ContainsKey((deployment, id)))
            .ToDictionary(id => id, id => _feedback[(deployment, id)]));

    public Task<IReadOnlyList<Feedback>> ListAsync(string deployment, long fromTimestamp, long toTimestamp, int maxResults, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Feedback>>([.. _feedback.Values
            .Where(f => f.Deployment == deployment && f.Timestamp >= fromTimestamp && f.Timestamp < toTimestamp)
            .OrderBy(f => f.Timestamp).Take(maxResults)]);
}

internal sealed class KnownDeploymentsStore(params string[] names) : IDeploymentStore
{
    public Task<Deployment?> GetAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(names.Contains(name) ? new Deployment { Name = name, Variants = [] } : null);

    public Task<Deployment> CreateAsync(Deployment deployment, DeploymentEvent created, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<Deployment>> ListAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Deployment> UpdateAsync(Deployment deployment, long expectedRevision, DeploymentEvent change, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task DeleteAsync(string name, DeploymentEvent deleted, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<DeploymentEvent>> ListEventsAsync(string name, int maxResults, CancellationToken cancellationToken) => throw new NotSupportedException();
}
