namespace Cairn.Core.Serving;

/// <summary>Deployments and their change history. Every write is one transaction: the deployment and its event.</summary>
public interface IDeploymentStore
{
    /// <summary>Creates a deployment (revision 1) and its <c>create</c> event; a taken name is RESOURCE_ALREADY_EXISTS.</summary>
    Task<Deployment> CreateAsync(Deployment deployment, DeploymentEvent created, CancellationToken cancellationToken);

    Task<Deployment?> GetAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<Deployment>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a deployment when its stored revision is still <paramref name="expectedRevision"/> (else
    /// RESOURCE_CONFLICT, HTTP 409; unknown name: RESOURCE_DOES_NOT_EXIST), increments the revision and appends the event.
    /// </summary>
    Task<Deployment> UpdateAsync(Deployment deployment, long expectedRevision, DeploymentEvent change, CancellationToken cancellationToken);

    /// <summary>Deletes a deployment; its history is kept.</summary>
    Task DeleteAsync(string name, DeploymentEvent deleted, CancellationToken cancellationToken);

    /// <summary>The history of a deployment, newest first.</summary>
    Task<IReadOnlyList<DeploymentEvent>> ListEventsAsync(string name, int maxResults, CancellationToken cancellationToken);
}
