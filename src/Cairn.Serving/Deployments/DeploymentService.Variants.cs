using Cairn.Core.Errors;
using Cairn.Core.Registry;
using Cairn.Core.Serving;
using Cairn.Training.Bundles;

namespace Cairn.Serving.Deployments;

/// <summary>Turning requested variants into pinned, READY, loaded and signature-compatible ones.</summary>
public sealed partial class DeploymentService
{
    /// <summary>Resolves aliases to pinned versions, then checks and loads like <see cref="PreparePinnedAsync"/>.</summary>
    private async Task<IReadOnlyList<DeploymentVariant>> PrepareAsync(
        IReadOnlyList<VariantSpec> specs, SignatureReference? reference, CancellationToken cancellationToken)
    {
        var pinned = new List<DeploymentVariant>(specs.Count);
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            var version = await FindVersionAsync(spec.Model!, spec.Version, spec.Alias, $"variants[{i}]", cancellationToken);
            pinned.Add(new DeploymentVariant
            {
                Name = spec.Name!, Model = version.Name, Version = version.Version, Alias = spec.Alias,
                Weight = spec.Weight ?? 0, Mode = spec.Mode,
            });
        }

        return await PreparePinnedAsync(pinned, reference, cancellationToken);
    }

    /// <summary>
    /// Checks that each pinned version exists and is READY, loads and warms it up in the model host (so the
    /// router never routes to a model that is not ready), and checks the inputs match the reference
    /// signature (the deployment's current one, else the first live variant's).
    /// </summary>
    private async Task<IReadOnlyList<DeploymentVariant>> PreparePinnedAsync(
        IReadOnlyList<DeploymentVariant> variants, SignatureReference? reference, CancellationToken cancellationToken)
    {
        var loaded = new List<IReadOnlyList<SignatureField>>(variants.Count);
        for (var i = 0; i < variants.Count; i++)
        {
            var v = variants[i];
            var field = $"variants[{i}]";
            await FindVersionAsync(v.Model, v.Version, alias: null, field, cancellationToken);
            try
            {
                loaded.Add((await _host.GetAsync(v.Model, v.Version, cancellationToken)).Manifest.Inputs);
            }
            catch (CairnException e) when (e.Code is ErrorCode.InvalidState or ErrorCode.ResourceDoesNotExist or ErrorCode.InvalidParameterValue)
            {
                throw new CairnException(ErrorCode.InvalidParameterValue,
                    $"Invalid value for parameter '{field}': model '{v.Model}' version {v.Version} cannot be served: {e.Message}", e);
            }
        }

        var first = variants.Select((v, i) => (v, i)).First(x => x.v.Mode == VariantMode.Live).i;
        reference ??= new SignatureReference($"variant '{variants[first].Name}' (model '{variants[first].Model}' version {variants[first].Version})", loaded[first]);
        for (var i = 0; i < variants.Count; i++)
        {
            var problems = SignatureProblems(reference.Inputs, loaded[i]);
            if (problems.Count > 0)
            {
                throw CairnException.InvalidParameter(
                    $"Invalid value for parameter 'variants[{i}]': the inputs of model '{variants[i].Model}' version {variants[i].Version} " +
                    $"are not compatible with {reference.Source}: {string.Join("; ", problems)}.");
            }
        }

        return variants;
    }

    /// <summary>The signature a change must keep: the deployment's first live variant, if it can still be loaded.</summary>
    private async Task<SignatureReference?> ReferenceAsync(Deployment current, CancellationToken cancellationToken)
    {
        var live = current.Variants.Where(v => v.Mode == VariantMode.Live).OrderByDescending(v => v.Weight).FirstOrDefault();
        if (live is null)
        {
            return null;
        }

        try
        {
            var model = await _host.GetAsync(live.Model, live.Version, cancellationToken);
            return new SignatureReference($"the deployment's signature (variant '{live.Name}', model '{live.Model}' version {live.Version})", model.Manifest.Inputs);
        }
        catch (CairnException)
        {
            // The current version is gone (deleted from the registry): the new variants define the signature.
            return null;
        }
    }

    private async Task<ModelVersion> FindVersionAsync(string model, long? version, string? alias, string field, CancellationToken cancellationToken)
    {
        ModelVersion found;
        try
        {
            found = version is { } number
                ? await _registry.GetModelVersionAsync(model, number.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken)
                : await _registry.GetModelVersionByAliasAsync(model, alias, cancellationToken);
        }
        catch (CairnException e) when (e.Code is ErrorCode.ResourceDoesNotExist or ErrorCode.InvalidParameterValue)
        {
            var what = version is { } n ? $"model '{model}' version {n}" : $"alias '{alias}' of model '{model}'";
            throw new CairnException(ErrorCode.InvalidParameterValue, $"Invalid value for parameter '{field}': {what} does not exist in the model registry.", e);
        }

        return found.Status == ModelVersionStatus.Ready
            ? found
            : throw CairnException.InvalidParameter(
                $"Invalid value for parameter '{field}': model '{found.Name}' version {found.Version} is {found.Status}, only READY versions can be deployed.");
    }

    /// <summary>Same input names and types; nullability and categories may differ (a retrained model sees new values).</summary>
    internal static IReadOnlyList<string> SignatureProblems(IReadOnlyList<SignatureField> expected, IReadOnlyList<SignatureField> actual)
    {
        var problems = new List<string>();
        var have = actual.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var field in expected)
        {
            if (!have.TryGetValue(field.Name, out var other))
            {
                problems.Add($"input '{field.Name}' ({field.Type}) is missing");
            }
            else if (other.Type != field.Type)
            {
                problems.Add($"input '{field.Name}' is {other.Type}, expected {field.Type}");
            }
        }

        var known = expected.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(actual.Where(f => !known.Contains(f.Name)).Select(f => $"input '{f.Name}' ({f.Type}) is extra"));
        return problems;
    }

    private sealed record SignatureReference(string Source, IReadOnlyList<SignatureField> Inputs);
}
