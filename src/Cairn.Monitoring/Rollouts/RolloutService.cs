using System.Globalization;
using Cairn.Core.Errors;
using Cairn.Core.Monitoring;
using Cairn.Core.Serving;
using Cairn.Registry;
using Cairn.Serving.Deployments;
using Cairn.Serving.Metrics;
using Microsoft.Extensions.Options;

namespace Cairn.Monitoring.Rollouts;

/// <summary>
/// Starts, changes and records progressive rollouts. Traffic changes go through Cairn.Serving's
/// <see cref="DeploymentService"/> (so the candidate is loaded and warmed up before it gets traffic, and
/// every change is a deployment event with actor and reason); each decision is stored with its numbers.
/// All changes of this process are serialised by one gate, so a person's pause and the controller's
/// analysis never interleave; the stored revision guards against another process.
/// </summary>
public sealed partial class RolloutService(
    IRolloutStore store,
    DeploymentService deployments,
    RegistryService registry,
    ServingMetrics metrics,
    RolloutBaselines baselines,
    IOptions<RolloutControllerOptions> options,
    TimeProvider time) : IRolloutLauncher
{
    public const string CandidateName = "canary";
    public const int MaxList = 1000;

    private readonly SemaphoreSlim _gate = new(1, 1);

    public IRolloutStore Store => store;

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private string ControllerActor => options.Value.Actor;

    /// <summary>Validates, adds the candidate as a live variant at the first step's weight and records the start.</summary>
    public async Task<long> StartAsync(RolloutStart start, CancellationToken cancellationToken) => (await BeginAsync(start, cancellationToken)).Id;

    /// <inheritdoc cref="StartAsync"/>
    public async Task<Rollout> BeginAsync(RolloutStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var name = DeploymentRules.Name(start.Deployment, "deployment");
        var model = string.IsNullOrWhiteSpace(start.Model) ? throw CairnException.MissingParameter("model") : start.Model;
        if (start.Version < 1)
        {
            throw CairnException.InvalidParameter($"Invalid value '{start.Version}' for parameter 'version': it must be a model version number (1 or more).");
        }

        var policy = RolloutPolicyRules.Check(start.Policy);
        var actor = DeploymentRules.Actor(start.Actor);
        var trigger = string.IsNullOrWhiteSpace(start.Trigger) ? "manual" : start.Trigger.Trim();

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var deployment = await deployments.GetAsync(name, cancellationToken);
            if (await store.CurrentAsync(name, cancellationToken) is { IsActive: true } active)
            {
                if (trigger.StartsWith("pipeline:", StringComparison.Ordinal) && active.Trigger == trigger && active.Model == model && active.Version == start.Version)
                {
                    // A retried pipeline step (its first attempt started this rollout and then died): the same request, the same rollout.
                    return active;
                }

                throw new CairnException(ErrorCode.ResourceConflict,
                    $"Deployment '{name}' already has an active rollout ({active.Id}: model '{active.Model}' version {active.Version}, {active.State}); abort it or wait for it to end.");
            }

            if (deployment.Status == DeploymentStatus.Paused)
            {
                throw CairnException.InvalidParameter($"Invalid value '{name}' for parameter 'deployment': it is paused (it answers 503), so a candidate could not be judged; resume it first.");
            }

            await CheckVersionAsync(model, start.Version, cancellationToken);
            var champions = deployment.Variants.Where(v => v.Mode == VariantMode.Live && v.Weight > 0).ToList();
            if (champions.Count == 0)
            {
                throw CairnException.InvalidParameter($"Invalid value '{name}' for parameter 'deployment': it has no live variant with traffic to compare a candidate with.");
            }

            if (champions.FirstOrDefault(v => v.Model == model && v.Version == start.Version) is { } same)
            {
                throw CairnException.InvalidParameter(
                    $"Invalid value '{start.Version}' for parameter 'version': model '{model}' version {start.Version} already serves deployment '{name}' (variant '{same.Name}').");
            }

            var candidate = FreeName(deployment);
            var weight = policy.Steps[0];
            var reason = $"rollout of model '{model}' version {start.Version} started by {actor} ({trigger}): variant '{candidate}' at step 1/{policy.Steps.Count}, {weight}%";
            var traffic = metrics.TrafficOf(name);
            var specs = await SpecsAsync(deployment.Variants, champions, candidate, weight, cancellationToken);
            specs.Add(new VariantSpec { Name = candidate, Model = model, Version = start.Version, Weight = weight });
            Deployment changed;
            try
            {
                changed = await deployments.UpdateAsync(name, new DeploymentUpdate { Variants = specs, Revision = deployment.Revision },
                    new ChangeContext(actor, reason), cancellationToken);
            }
            catch (CairnException e) when (e.Code == ErrorCode.InvalidParameterValue && e.Message.Contains($"'variants[{specs.Count - 1}]'", StringComparison.Ordinal))
            {
                throw new CairnException(ErrorCode.InvalidParameterValue, $"Invalid value for parameter 'version': {e.Message}", e);
            }

            var events = await deployments.ListEventsAsync(name, 1, cancellationToken);
            var now = Now();
            var rollout = new Rollout
            {
                Deployment = name, Model = model, Version = start.Version, CandidateVariant = candidate, Champions = champions,
                StartEventSequence = events.Count > 0 ? events[0].Sequence : 0, Policy = policy, State = RolloutState.Progressing,
                StepIndex = 0, Weight = weight, StepStartedAt = now, Actor = actor, Trigger = trigger, CreatedAt = now, UpdatedAt = now,
            };
            Rollout created;
            try
            {
                created = await store.CreateAsync(rollout, Decision(rollout, RolloutAction.Start, actor, reason, null, now), cancellationToken);
            }
            catch (CairnException e) when (e.Code == ErrorCode.ResourceConflict)
            {
                // Another server started one meanwhile: take the candidate out again so the deployment is as it was.
                await deployments.RollbackAsync(name, rollout.StartEventSequence - 1, changed.Revision,
                    new ChangeContext(actor, "rollout not started: " + e.Message), CancellationToken.None);
                throw;
            }

            baselines.Set(created.Id, created.StepStartedAt, traffic);
            return created;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<Rollout> GetAsync(long id, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) ?? throw CairnException.NotFound($"Rollout {id} does not exist.");

    /// <summary>The deployment's active rollout, else its latest; 404 when it never had one.</summary>
    public async Task<Rollout> CurrentAsync(string? deployment, CancellationToken cancellationToken)
    {
        var name = DeploymentRules.Name(deployment, "deployment");
        return await store.CurrentAsync(name, cancellationToken) ?? throw CairnException.NotFound($"Deployment '{name}' has no rollout.");
    }

    public Task<IReadOnlyList<RolloutDecision>> DecisionsAsync(long id, CancellationToken cancellationToken) => store.ListDecisionsAsync(id, cancellationToken);

    public Task<IReadOnlyList<Rollout>> ListAsync(string? deployment, int? maxResults, CancellationToken cancellationToken)
    {
        var max = maxResults ?? 100;
        if (max is < 1 or > MaxList)
        {
            throw CairnException.InvalidParameter($"Invalid value '{max}' for parameter 'max_results': it must be from 1 to {MaxList}.");
        }

        var name = string.IsNullOrEmpty(deployment) ? null : DeploymentRules.Name(deployment, "deployment");
        return store.ListAsync(name, max, cancellationToken);
    }

    private async Task CheckVersionAsync(string model, long version, CancellationToken cancellationToken)
    {
        try
        {
            await registry.GetModelVersionAsync(model, version.ToString(CultureInfo.InvariantCulture), cancellationToken);
        }
        catch (CairnException e) when (e.Code is ErrorCode.ResourceDoesNotExist or ErrorCode.InvalidParameterValue)
        {
            throw new CairnException(ErrorCode.InvalidParameterValue,
                $"Invalid value '{version}' for parameter 'version': model '{model}' version {version} does not exist in the model registry.", e);
        }
    }

    private static string FreeName(Deployment deployment)
    {
        var taken = deployment.Variants.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var name = CandidateName;
        for (var i = 2; taken.Contains(name); i++)
        {
            name = CandidateName + "-" + i.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    private static RolloutDecision Decision(Rollout r, RolloutAction action, string actor, string reason, RolloutNumbers? numbers, long now) => new()
    {
        RolloutId = r.Id, Timestamp = now, Step = r.StepIndex, Weight = r.Weight, Action = action, Actor = actor, Reason = reason, Numbers = numbers,
    };
}
