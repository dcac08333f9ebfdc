using System.Text.Json.Nodes;
using Cairn.Core.Errors;

namespace Cairn.Pipelines.Steps.Ml;

/// <summary>
/// Finding a step's inputs and describing its outputs. Dataset and model artifacts carry, in their
/// properties, the imported dataset version hashes they derive from (<c>dataset_versions</c>), so a
/// registered model can name its data by walking only its own inputs.
/// </summary>
internal static class MlArtifacts
{
    public const string DatasetType = "dataset";
    public const string ModelType = "model";
    public const string ReportType = "report";
    public const string DatasetVersionsKey = "dataset_versions";

    /// <summary>
    /// The input for <paramref name="role"/>: the upstream output named by <c>with.{role}</c>
    /// (a <c>${steps.x.outputs.y}</c> path, matched by step.slot or by path), else the one input whose
    /// slot is <paramref name="role"/>, else the one input of <paramref name="type"/>.
    /// </summary>
    public static async Task<(StepInput Input, string Path)?> FindAsync(StepContext context, string role, string type, bool required, CancellationToken cancellationToken)
    {
        if (MlConfig.String(context.Config, role) is { Length: > 0 } named)
        {
            foreach (var input in context.Inputs)
            {
                var path = await context.GetInputPathAsync(input, cancellationToken);
                if (input.Name == named || Same(path, named))
                {
                    return (input, path);
                }
            }

            throw MlConfig.Invalid(role, $"names '{named}', which is not an output of an upstream step");
        }

        var candidates = context.Inputs.Where(i => i.Slot == role).ToList();
        if (candidates.Count == 0)
        {
            candidates = [.. context.Inputs.Where(i => i.Artifact.Type == type)];
        }

        if (candidates.Count == 1)
        {
            return (candidates[0], await context.GetInputPathAsync(candidates[0], cancellationToken));
        }

        if (!required)
        {
            return null;
        }

        throw CairnException.InvalidParameter(candidates.Count == 0
            ? $"Step '{context.StepId}' needs a {type} input for '{role}': add the step producing it to 'needs' or set with.{role}: ${{steps.ID.outputs.SLOT}}."
            : $"Step '{context.StepId}' has several {type} inputs ({string.Join(", ", candidates.Select(c => c.Name))}); choose one with with.{role}: ${{steps.ID.outputs.SLOT}}.");
    }

    public static JsonObject Properties(StepInput input)
    {
        if (input.Artifact.PropertiesJson is { } json && JsonNode.Parse(json) is JsonObject o)
        {
            return o;
        }

        return [];
    }

    /// <summary>The dataset version hashes an input derives from (its own properties' list).</summary>
    public static IEnumerable<string> DatasetVersions(StepInput input) =>
        Properties(input)[DatasetVersionsKey] is JsonArray a
            ? a.Select(n => n?.GetValue<string>()).OfType<string>()
            : [];

    public static JsonArray ToArray(IEnumerable<string> values) => [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(v => (JsonNode)v)];

    private static bool Same(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd('/'), Path.GetFullPath(b).TrimEnd('/'), StringComparison.Ordinal);
}
