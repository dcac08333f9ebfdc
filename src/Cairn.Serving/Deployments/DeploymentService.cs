using Cairn.Core.Errors;
using Cairn.Core.Serving;
using Cairn.Registry;
using Cairn.Serving.Hosting;
using Cairn.Serving.Routing;

namespace Cairn.Serving.Deployments;

/// <summary>
/// Creates and changes deployments. Every change is validated (names, weights, model versions READY,
/// compatible input signatures), its new variants are loaded and warmed up in the model host BEFORE it is
/// stored, it is stored with an event (who, when, why, the variants after it) in one transaction
/// guarded by the revision, and then the router re-reads the deployment and swaps its snapshot.
/// </summary>
public sealed partial class DeploymentService(
    IDeploymentStore store, RegistryService registry, IModelHost host, IDeploymentRouter router, TimeProvider time)
{
    public const int DefaultEvents = 100;
    public const int MaxEvents = 1000;

    private readonly IDeploymentStore _store = store;
    private readonly RegistryService _registry = registry;
    private readonly IModelHost _host = host;
    private readonly IDeploymentRouter _router = router;
    private readonly TimeProvider _time = time;

    public IDeploymentStore Store => _store;

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<Deployment> CreateAsync(NewDeployment request, ChangeContext change, CancellationToken cancellationToken)
    {
        var name = DeploymentRules.Name(request.Name);
        var description = DeploymentRules.Description(request.Description);
        var stickyKey = DeploymentRules.StickyKey(request.StickyKey);
        var who = Who(change);
        var specs = DeploymentRules.Variants(request.Variants);
        if (await _store.GetAsync(name, cancellationToken) is not null)
        {
            // Checked before loading models so a typo'd create fails fast; the store's unique key is the real guard.
            throw CairnException.AlreadyExists($"Deployment '{name}' already exists.");
        }

        var variants = await PrepareAsync(specs, reference: null, cancellationToken);
        var now = Now();
        var deployment = new Deployment
        {
            Name = name, Description = description, StickyKey = stickyKey, Variants = variants,
            CreationTimestamp = now, LastUpdatedTimestamp = now, Revision = 1,
        };
        var created = await _store.CreateAsync(deployment, Event(name, "create", who, now, variants), cancellationToken);
        await RefreshAsync(name);
        return created;
    }

    public async Task<Deployment> GetAsync(string? name, CancellationToken cancellationToken) =>
        await _store.GetAsync(DeploymentRules.Name(name), cancellationToken)
        ?? throw CairnException.NotFound($"Deployment '{name}' does not exist.");

    public Task<IReadOnlyList<Deployment>> ListAsync(CancellationToken cancellationToken) => _store.ListAsync(cancellationToken);

    /// <summary>The history, newest first; a deleted deployment's history is still there.</summary>
    public async Task<IReadOnlyList<DeploymentEvent>> ListEventsAsync(string? name, int? maxResults, CancellationToken cancellationToken)
    {
        var max = maxResults ?? DefaultEvents;
        if (max is < 1 or > MaxEvents)
        {
            throw CairnException.InvalidParameter($"Invalid value '{max}' for parameter 'max_results': it must be from 1 to {MaxEvents}.");
        }

        var checkedName = DeploymentRules.Name(name);
        var events = await _store.ListEventsAsync(checkedName, max, cancellationToken);
        return events.Count == 0 && await _store.GetAsync(checkedName, cancellationToken) is null
            ? throw CairnException.NotFound($"Deployment '{name}' does not exist.")
            : events;
    }

    /// <summary>Changes description, sticky key and/or variants (new variants are resolved, loaded and checked against the current signature).</summary>
    public Task<Deployment> UpdateAsync(string? name, DeploymentUpdate update, ChangeContext change, CancellationToken cancellationToken)
    {
        var description = DeploymentRules.Description(update.Description);
        var stickyKey = update.StickyKey is null ? null : DeploymentRules.StickyKey(update.StickyKey) ?? "";
        var specs = update.Variants is null ? null : DeploymentRules.Variants(update.Variants);
        if (description is null && stickyKey is null && specs is null)
        {
            throw CairnException.InvalidParameter("Nothing to change: give at least one of 'variants', 'description' or 'sticky_key'.");
        }

        return ChangeAsync(name, update.Revision, change, "update", async current =>
        {
            var variants = specs is null ? current.Variants : await PrepareAsync(specs, await ReferenceAsync(current, cancellationToken), cancellationToken);
            return current with
            {
                Description = description ?? current.Description,
                StickyKey = stickyKey is null ? current.StickyKey : stickyKey.Length == 0 ? null : stickyKey,
                Variants = variants,
            };
        }, cancellationToken);
    }

    public Task<Deployment> PauseAsync(string? name, long? revision, ChangeContext change, CancellationToken cancellationToken) =>
        SetStatusAsync(name, revision, DeploymentStatus.Paused, "pause", change, cancellationToken);

    public Task<Deployment> ResumeAsync(string? name, long? revision, ChangeContext change, CancellationToken cancellationToken) =>
        SetStatusAsync(name, revision, DeploymentStatus.Active, "resume", change, cancellationToken);

    public async Task DeleteAsync(string? name, long? revision, ChangeContext change, CancellationToken cancellationToken)
    {
        var current = await GetAsync(name, cancellationToken);
        CheckRevision(current, revision);
        await _store.DeleteAsync(current.Name, Event(current.Name, "delete", Who(change), Now(), current.Variants), cancellationToken);
        await RefreshAsync(current.Name);
    }

    private async Task<Deployment> SetStatusAsync(
        string? name, long? revision, DeploymentStatus status, string action, ChangeContext change, CancellationToken cancellationToken)
    {
        var current = await GetAsync(name, cancellationToken);
        CheckRevision(current, revision);
        // Pausing a paused deployment changes nothing, so it records nothing.
        return current.Status == status
            ? current
            : await ChangeAsync(current.Name, current.Revision, change, action, c => Task.FromResult(c with { Status = status }), cancellationToken);
    }

    /// <summary>Reads, checks the revision, applies <paramref name="apply"/>, stores with the event, refreshes the router.</summary>
    private async Task<Deployment> ChangeAsync(
        string? name, long? revision, ChangeContext change, string action, Func<Deployment, Task<Deployment>> apply, CancellationToken cancellationToken)
    {
        var who = Who(change);
        var current = await GetAsync(name, cancellationToken);
        CheckRevision(current, revision);
        var now = Now();
        var next = (await apply(current)) with { LastUpdatedTimestamp = now };
        var stored = await _store.UpdateAsync(next, current.Revision, Event(current.Name, action, who, now, next.Variants), cancellationToken);
        await RefreshAsync(current.Name);
        return stored;
    }

    private static void CheckRevision(Deployment current, long? expected)
    {
        if (expected is { } revision && revision != current.Revision)
        {
            throw new CairnException(ErrorCode.ResourceConflict,
                $"Deployment '{current.Name}' is at revision {current.Revision}, not {revision} (parameter 'revision'): it was changed meanwhile; read it again and retry.");
        }
    }

    private static ChangeContext Who(ChangeContext change) => new(DeploymentRules.Actor(change.Actor), DeploymentRules.Reason(change.Reason));

    private static DeploymentEvent Event(string name, string action, ChangeContext who, long now, IReadOnlyList<DeploymentVariant> variants) => new()
    {
        Deployment = name, Action = action, Actor = who.Actor, Reason = who.Reason, Timestamp = now, Variants = variants,
    };

    // The change is stored: the router must pick it up even if the caller has gone away meanwhile.
    private Task RefreshAsync(string name) => _router.RefreshAsync(name, CancellationToken.None);
}
