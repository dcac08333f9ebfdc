using Cairn.Core.Errors;
using Cairn.Core.Serving;

namespace Cairn.Serving.Deployments;

/// <summary>Traffic changes: weights, promotion and rollback.</summary>
public sealed partial class DeploymentService
{
    /// <summary>
    /// Sets live weights by variant name. Live variants not named get 0; the live weights must then sum to
    /// 100; a shadow variant cannot be given traffic (update it to live instead).
    /// </summary>
    public Task<Deployment> SetWeightsAsync(
        string? name, IReadOnlyDictionary<string, int>? weights, long? revision, ChangeContext change, CancellationToken cancellationToken)
    {
        if (weights is null || weights.Count == 0)
        {
            throw CairnException.InvalidParameter("Invalid value for parameter 'weights': give at least one variant's weight, e.g. {\"a\": 90, \"b\": 10}.");
        }

        return ChangeAsync(name, revision, change, "set_weights", current =>
        {
            foreach (var (variant, weight) in weights)
            {
                var target = current.Variants.FirstOrDefault(v => v.Name == variant)
                    ?? throw CairnException.InvalidParameter(
                        $"Invalid value for parameter 'weights.{variant}': deployment '{current.Name}' has no variant '{variant}' (it has {string.Join(", ", current.Variants.Select(v => v.Name))}).");
                if (target.Mode == VariantMode.Shadow && weight != 0)
                {
                    throw CairnException.InvalidParameter($"Invalid value '{weight}' for parameter 'weights.{variant}': '{variant}' is a shadow variant, its weight must be 0.");
                }

                if (weight is < 0 or > DeploymentRules.TotalLiveWeight)
                {
                    throw CairnException.InvalidParameter($"Invalid value '{weight}' for parameter 'weights.{variant}': it must be an integer from 0 to 100.");
                }
            }

            var variants = current.Variants
                .Select(v => v.Mode == VariantMode.Live ? v with { Weight = weights.GetValueOrDefault(v.Name) } : v)
                .ToList();
            DeploymentRules.LiveWeights(variants.Where(v => v.Mode == VariantMode.Live).Select(v => (v.Name, v.Weight)), "weights");
            return Task.FromResult(current with { Variants = variants });
        }, cancellationToken);
    }

    /// <summary>
    /// Gives one variant (live or shadow) 100% of live traffic. The other live variants are removed
    /// (they would only hold memory; the event history keeps them for a rollback), or kept at weight 0
    /// when <paramref name="keepOthers"/>. Shadow variants other than the promoted one stay.
    /// </summary>
    public Task<Deployment> PromoteAsync(string? name, string? variant, bool keepOthers, long? revision, ChangeContext change, CancellationToken cancellationToken)
    {
        var promoted = DeploymentRules.VariantName(variant, "variant");
        return ChangeAsync(name, revision, change, "promote", current =>
        {
            if (current.Variants.All(v => v.Name != promoted))
            {
                throw CairnException.InvalidParameter(
                    $"Invalid value '{promoted}' for parameter 'variant': deployment '{current.Name}' has no such variant (it has {string.Join(", ", current.Variants.Select(v => v.Name))}).");
            }

            var variants = current.Variants
                .Where(v => v.Name == promoted || v.Mode == VariantMode.Shadow || keepOthers)
                .Select(v => v.Name == promoted
                    ? v with { Mode = VariantMode.Live, Weight = DeploymentRules.TotalLiveWeight }
                    : v.Mode == VariantMode.Live ? v with { Weight = 0 } : v)
                .ToList();
            return Task.FromResult(current with { Variants = variants });
        }, cancellationToken);
    }

    /// <summary>
    /// Restores the variants of an earlier state: the event <paramref name="toSequence"/>, or by default the
    /// latest event whose variants differ from the current ones (pause/resume events are skipped that way).
    /// The restored versions are pinned as they were (aliases are not re-resolved), re-checked and loaded.
    /// </summary>
    public Task<Deployment> RollbackAsync(string? name, long? toSequence, long? revision, ChangeContext change, CancellationToken cancellationToken) =>
        ChangeAsync(name, revision, change, "rollback", async current =>
        {
            var history = await _store.ListEventsAsync(current.Name, MaxEvents, cancellationToken);
            DeploymentEvent target;
            if (toSequence is { } sequence)
            {
                target = history.FirstOrDefault(e => e.Sequence == sequence)
                    ?? throw CairnException.InvalidParameter($"Invalid value '{sequence}' for parameter 'to_sequence': deployment '{current.Name}' has no event {sequence} in its last {MaxEvents}.");
            }
            else
            {
                target = history.FirstOrDefault(e => e.Action != "delete" && !e.Variants.SequenceEqual(current.Variants))
                    ?? throw CairnException.InvalidParameter($"Deployment '{current.Name}' has no earlier state to roll back to (its variants never changed); give 'to_sequence'.");
            }

            if (target.Variants.Count == 0)
            {
                throw CairnException.InvalidParameter($"Invalid value '{target.Sequence}' for parameter 'to_sequence': event {target.Sequence} has no variants.");
            }

            var variants = await PreparePinnedAsync(target.Variants, await ReferenceAsync(current, cancellationToken), cancellationToken);
            return current with { Variants = variants };
        }, cancellationToken);
}
