using System.Globalization;
using Cairn.Core.Registry;
using Cairn.Core.Serving;

namespace Cairn.Server.Ui.Pages.Models;

/// <summary>
/// The models pages' pure logic: the registry search filters they send (in the MLflow grammar the
/// registry service parses), which deployment variants serve a version, and the metrics a pipeline
/// wrote on a version as <c>cairn.metric.*</c> tags.
/// </summary>
public static class ModelsQuery
{
    /// <summary>The tag prefix <c>model.register</c> uses for the evaluation metrics it copies onto a version.</summary>
    public const string MetricTagPrefix = "cairn.metric.";

    /// <summary>Rows per page of the models list and of a model's versions.</summary>
    public const int PageSize = 25;

    /// <summary>
    /// The registered-models filter for a name search box (<paramref name="search"/>: a case-insensitive
    /// "name contains") and an optional filter written in the MLflow grammar; both apply when both are given.
    /// </summary>
    public static string? ModelsFilter(string? search, string? filter)
    {
        var clauses = new List<string>(2);
        if (!string.IsNullOrWhiteSpace(search))
        {
            clauses.Add("name ILIKE " + Literal("%" + search.Trim() + "%"));
        }

        if (!string.IsNullOrWhiteSpace(filter))
        {
            clauses.Add(filter.Trim());
        }

        return clauses.Count == 0 ? null : string.Join(" AND ", clauses);
    }

    /// <summary>The model-versions filter that selects every version of one model, whatever its name holds.</summary>
    public static string VersionsOf(string modelName) => "name = " + Literal(modelName);

    /// <summary>A single-quoted string literal of the search grammar (a quote is escaped by doubling it).</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The order-by clause of the models list: <c>name</c> (default) or <c>updated</c> (newest first).</summary>
    public static IReadOnlyList<string> ModelsOrder(string? order) => order switch
    {
        null or "" or "name" => ["name ASC"],
        "updated" => ["last_updated_timestamp DESC", "name ASC"],
        _ => [order],
    };

    /// <summary>The highest version number among a model's latest versions (one per stage), or null when it has none.</summary>
    public static long? LatestVersion(RegisteredModel model) =>
        model.LatestVersions.Count == 0 ? null : model.LatestVersions.Max(v => v.Version);

    /// <summary>Every variant of every deployment that serves <paramref name="model"/> version <paramref name="version"/>.</summary>
    public static IReadOnlyList<ServingVariant> ServingVariants(IEnumerable<Deployment> deployments, string model, long version) =>
        [.. deployments
            .SelectMany(d => d.Variants.Where(v => v.Model == model && v.Version == version).Select(v => new ServingVariant(d, v)))
            .OrderBy(s => s.Deployment.Name, StringComparer.Ordinal)
            .ThenBy(s => s.Variant.Name, StringComparer.Ordinal)];

    /// <summary>Per version of <paramref name="model"/>: the deployment variants that serve it (for a versions table).</summary>
    public static IReadOnlyDictionary<long, IReadOnlyList<ServingVariant>> ServingByVersion(IEnumerable<Deployment> deployments, string model) =>
        deployments
            .SelectMany(d => d.Variants.Where(v => v.Model == model).Select(v => new ServingVariant(d, v)))
            .GroupBy(s => s.Variant.Version)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ServingVariant>)[.. g.OrderBy(s => s.Deployment.Name, StringComparer.Ordinal)]);

    /// <summary>The metrics written on a version as <c>cairn.metric.NAME</c> tags, by name; values that are not numbers are left out.</summary>
    public static IReadOnlyList<KeyValuePair<string, double>> TagMetrics(ModelVersion version) =>
        [.. version.Tags
            .Where(t => t.Key.StartsWith(MetricTagPrefix, StringComparison.Ordinal) && t.Key.Length > MetricTagPrefix.Length)
            .Select(t => (Name: t.Key[MetricTagPrefix.Length..], Parsed: double.TryParse(t.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null))
            .Where(p => p.Parsed is not null)
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, double>(g.Key, g.Last().Parsed!.Value))
            .OrderBy(p => p.Key, StringComparer.Ordinal)];

    /// <summary>
    /// The changes of a deployment that concern one model version (oldest first): every change after which a
    /// variant serves it, and the change that took it out. <see cref="VersionChange.Variant"/> is null for that last kind.
    /// </summary>
    public static IReadOnlyList<VersionChange> VersionHistory(IEnumerable<DeploymentEvent> events, string model, long version)
    {
        var changes = new List<VersionChange>();
        var served = false;
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            var variant = e.Variants.FirstOrDefault(v => v.Model == model && v.Version == version);
            if (variant is not null || served)
            {
                changes.Add(new VersionChange(e, variant));
            }

            served = variant is not null;
        }

        return changes;
    }

    /// <summary>The share of live traffic a variant gets, as a percentage text (shadow variants get a copy, not a share).</summary>
    public static string TrafficShare(DeploymentVariant variant) =>
        variant.Mode == VariantMode.Shadow ? "shadow (copy of all traffic)" : variant.Weight.ToString(CultureInfo.InvariantCulture) + " %";
}

/// <summary>A deployment change that concerns a model version: the variant serving it afterwards, or null when it was taken out.</summary>
public sealed record VersionChange(DeploymentEvent Event, DeploymentVariant? Variant);

/// <summary>One deployment variant that serves a model version.</summary>
public sealed record ServingVariant(Deployment Deployment, DeploymentVariant Variant);
