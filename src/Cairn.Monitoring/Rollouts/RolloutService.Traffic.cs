using Cairn.Core.Errors;
using Cairn.Core.Monitoring;
using Cairn.Core.Serving;
using Cairn.Serving.Deployments;

namespace Cairn.Monitoring.Rollouts;

/// <summary>Turning a rollout's step into deployment changes: weights, promotion, restoring the champions.</summary>
public sealed partial class RolloutService
{
    /// <summary>
    /// The champions' weights when the candidate has <paramref name="candidateWeight"/>: their start weights
    /// scaled to the rest, rounded by largest remainder so they sum exactly.
    /// </summary>
    public static Dictionary<string, int> ChampionWeights(IReadOnlyList<DeploymentVariant> champions, int candidateWeight)
    {
        var rest = DeploymentRules.TotalLiveWeight - candidateWeight;
        var total = champions.Sum(c => c.Weight);
        var exact = champions.Select(c => (c.Name, Share: total == 0 ? 0 : (double)c.Weight * rest / total)).ToList();
        var weights = exact.ToDictionary(e => e.Name, e => (int)Math.Floor(e.Share), StringComparer.Ordinal);
        var missing = rest - weights.Values.Sum();
        foreach (var (name, _) in exact.OrderByDescending(e => e.Share - Math.Floor(e.Share)).ThenBy(e => e.Name, StringComparer.Ordinal).Take(missing))
        {
            weights[name]++;
        }

        return weights;
    }

    /// <summary>
    /// The deployment's variants as specs with the champions at their share of the rest: pinned, except that a
    /// variant declared by alias keeps its alias while the alias still names the same version (the alias is
    /// re-resolved on every change, and a rollout must not swap the champion behind its back).
    /// </summary>
    private async Task<List<VariantSpec>> SpecsAsync(
        IReadOnlyList<DeploymentVariant> variants, IReadOnlyList<DeploymentVariant> champions, string? without, int candidateWeight, CancellationToken cancellationToken)
    {
        var weights = ChampionWeights(champions, candidateWeight);
        var specs = new List<VariantSpec>();
        foreach (var v in variants.Where(v => v.Name != without))
        {
            var alias = v.Alias is { Length: > 0 } a && await AliasStillAsync(v.Model, a, v.Version, cancellationToken) ? a : null;
            specs.Add(new VariantSpec
            {
                Name = v.Name, Model = v.Model, Version = alias is null ? v.Version : null, Alias = alias, Mode = v.Mode,
                Weight = v.Mode == VariantMode.Live ? weights.GetValueOrDefault(v.Name) : 0,
            });
        }

        return specs;
    }

    private async Task<bool> AliasStillAsync(string model, string alias, long version, CancellationToken cancellationToken)
    {
        try
        {
            return (await registry.GetModelVersionByAliasAsync(model, alias, cancellationToken)).Version == version;
        }
        catch (CairnException)
        {
            return false;
        }
    }

    /// <summary>Moves traffic to the candidate's new weight (the champions share the rest).</summary>
    private Task<Deployment> SetStepAsync(Rollout r, int weight, string actor, string reason, CancellationToken cancellationToken)
    {
        var weights = ChampionWeights(r.Champions, weight);
        weights[r.CandidateVariant] = weight;
        return deployments.SetWeightsAsync(r.Deployment, weights, null, new ChangeContext(actor, reason), cancellationToken);
    }

    /// <summary>The candidate becomes the only live variant (shadows stay).</summary>
    private Task<Deployment> PromoteCandidateAsync(Rollout r, string actor, string reason, CancellationToken cancellationToken) =>
        deployments.PromoteAsync(r.Deployment, r.CandidateVariant, keepOthers: false, null, new ChangeContext(actor, reason), cancellationToken);

    /// <summary>
    /// Takes the candidate out and gives the champions their start weights back. When a champion is gone
    /// meanwhile, the deployment returns to the state before the rollout started (its event history).
    /// </summary>
    private async Task RestoreChampionsAsync(Rollout r, string actor, string reason, CancellationToken cancellationToken)
    {
        var current = await deployments.GetAsync(r.Deployment, cancellationToken);
        var change = new ChangeContext(actor, reason);
        var live = current.Variants.Where(v => v.Mode == VariantMode.Live).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        if (r.Champions.All(c => live.Contains(c.Name)))
        {
            var specs = await SpecsAsync(current.Variants, r.Champions, r.CandidateVariant, 0, cancellationToken);
            await deployments.UpdateAsync(r.Deployment, new DeploymentUpdate { Variants = specs }, change, cancellationToken);
        }
        else
        {
            await deployments.RollbackAsync(r.Deployment, r.StartEventSequence - 1, null, change, cancellationToken);
        }
    }
}
