using Cairn.Core.Errors;

namespace Cairn.Core.Registry;

/// <summary>
/// MLflow's legacy stages (None, Staging, Production, Archived) and how they relate to aliases.
/// </summary>
/// <remarks>
/// Stages are kept exactly as MLflow reports them (<c>current_stage</c>, <c>latest_versions</c>,
/// <c>archive_existing_versions</c>). Cairn's own notion is the alias, so the two active stages are
/// mirrored onto the aliases <c>staging</c> and <c>production</c> by one rule:
/// <list type="bullet">
/// <item>A transition into Staging or Production points that stage's alias at the version (taking the
/// alias over even if it was set by hand to another version).</item>
/// <item>When a version leaves the stage (another transition, <c>archive_existing_versions</c>, or its
/// deletion) while the stage alias points at it, the alias moves to the highest version still in that
/// stage, or is removed when none is left.</item>
/// <item>Setting or deleting an alias never changes a stage, so MLflow clients see <c>current_stage</c>
/// exactly as the MLflow server would report it.</item>
/// </list>
/// </remarks>
public static class ModelVersionStage
{
    public const string None = "None";
    public const string Staging = "Staging";
    public const string Production = "Production";
    public const string Archived = "Archived";

    /// <summary>All stages in MLflow's order (the order of <c>latest_versions</c> lookups and messages).</summary>
    public static IReadOnlyList<string> All { get; } = [None, Staging, Production, Archived];

    /// <summary>The stages that carry an alias: <c>staging</c> and <c>production</c>.</summary>
    public static IReadOnlyList<string> Active { get; } = [Staging, Production];

    public static bool IsActive(string stage) => stage is Staging or Production;

    /// <summary>The alias mirroring an active stage (<c>staging</c>, <c>production</c>), or null.</summary>
    public static string? AliasOf(string stage) => stage switch
    {
        Staging => "staging",
        Production => "production",
        _ => null,
    };

    /// <summary>The canonical spelling of a stage given in any case ("production" -> "Production").</summary>
    public static string Canonicalize(string? stage)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate, stage, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        throw CairnException.InvalidParameter(
            $"Invalid Model Version stage: {stage}. Value must be one of {string.Join(", ", All)}.");
    }
}
