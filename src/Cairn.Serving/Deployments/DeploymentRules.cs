using System.Text.RegularExpressions;
using Cairn.Core.Errors;
using Cairn.Core.Serving;

namespace Cairn.Serving.Deployments;

/// <summary>
/// The syntactic rules of deployments (no storage needed): names, sticky keys, variant lists and
/// weights. Every failure is INVALID_PARAMETER_VALUE naming the field and the rule.
/// </summary>
public static partial class DeploymentRules
{
    public const int MaxNameLength = 256;
    public const int MaxVariantNameLength = 64;
    public const int MaxVariants = 16;
    public const int MaxDescriptionLength = 5000;
    public const int MaxReasonLength = 2000;
    public const int MaxActorLength = 256;
    public const int MaxStickyKeyLength = 300;
    public const int TotalLiveWeight = 100;

    /// <summary>Deployment names appear in URLs (<c>/v2/models/{name}</c>), so they are URL-safe, like a DNS-ish slug.</summary>
    public static string Name(string? name, string field = "name")
    {
        if (string.IsNullOrEmpty(name))
        {
            throw CairnException.MissingParameter(field);
        }

        if (name.Length > MaxNameLength)
        {
            throw Invalid(field, name, $"it is longer than {MaxNameLength} characters");
        }

        return NamePattern().IsMatch(name)
            ? name
            : throw Invalid(field, name, "it must start with a letter or digit and contain only letters, digits, '.', '_' and '-'");
    }

    public static string? Description(string? description) =>
        description is { Length: > MaxDescriptionLength }
            ? throw CairnException.InvalidParameter($"Invalid value for parameter 'description': it is longer than {MaxDescriptionLength} characters.")
            : description;

    /// <summary><c>header:&lt;HTTP header name&gt;</c> or <c>field:&lt;input name&gt;</c>; empty means none.</summary>
    public static string? StickyKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        const string rule = "it must be 'header:<Header-Name>' or 'field:<input_name>'";
        if (key.Length > MaxStickyKeyLength)
        {
            throw Invalid("sticky_key", key, $"it is longer than {MaxStickyKeyLength} characters");
        }

        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var (kind, target) = colon < 0 ? (key, "") : (key[..colon], key[(colon + 1)..]);
        return kind switch
        {
            "header" when HeaderNamePattern().IsMatch(target) => key,
            "header" => throw Invalid("sticky_key", key, "the header name must be a non-empty HTTP token (letters, digits and !#$%&'*+-.^_`|~)"),
            "field" when target.Length > 0 && !target.Any(char.IsControl) => key,
            "field" => throw Invalid("sticky_key", key, "the field name must not be empty"),
            _ => throw Invalid("sticky_key", key, rule),
        };
    }

    public static string Actor(string? actor)
    {
        if (string.IsNullOrWhiteSpace(actor))
        {
            return ChangeContext.AnonymousActor;
        }

        actor = actor.Trim();
        return actor.Length > MaxActorLength || actor.Any(char.IsControl)
            ? throw CairnException.InvalidParameter($"Invalid user '{actor}': it must be at most {MaxActorLength} printable characters.")
            : actor;
    }

    public static string? Reason(string? reason) =>
        reason is { Length: > MaxReasonLength }
            ? throw CairnException.InvalidParameter($"Invalid value for parameter 'reason': it is longer than {MaxReasonLength} characters.")
            : string.IsNullOrWhiteSpace(reason) ? null : reason;

    /// <summary>
    /// Checks a requested variant list: 1..16 variants, unique names, a model and exactly one of version or
    /// alias each, live weights 0..100 summing to 100, at least one live variant, shadows at weight 0.
    /// </summary>
    public static IReadOnlyList<VariantSpec> Variants(IReadOnlyList<VariantSpec>? variants)
    {
        if (variants is null || variants.Count == 0)
        {
            throw CairnException.InvalidParameter("Invalid value for parameter 'variants': at least one variant is required.");
        }

        if (variants.Count > MaxVariants)
        {
            throw CairnException.InvalidParameter($"Invalid value for parameter 'variants': at most {MaxVariants} variants are allowed, got {variants.Count}.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < variants.Count; i++)
        {
            var v = variants[i] ?? throw CairnException.InvalidParameter($"Invalid value for parameter 'variants[{i}]': a variant must be an object.");
            var field = $"variants[{i}]";
            var name = VariantName(v.Name, $"{field}.name");
            if (!names.Add(name))
            {
                throw CairnException.InvalidParameter($"Invalid value '{name}' for parameter '{field}.name': variant names must be unique (case-insensitive).");
            }

            if (string.IsNullOrEmpty(v.Model))
            {
                throw CairnException.MissingParameter($"{field}.model");
            }

            if (v.Version is null == string.IsNullOrEmpty(v.Alias))
            {
                throw CairnException.InvalidParameter($"Invalid value for parameter '{field}': give exactly one of 'version' or 'alias'.");
            }

            if (v.Version is <= 0)
            {
                throw CairnException.InvalidParameter($"Invalid value '{v.Version}' for parameter '{field}.version': it must be a positive integer.");
            }

            if (v.Weight is < 0 or > TotalLiveWeight)
            {
                throw CairnException.InvalidParameter($"Invalid value '{v.Weight}' for parameter '{field}.weight': it must be an integer from 0 to {TotalLiveWeight}.");
            }

            if (v.Mode == VariantMode.Shadow && v.Weight is > 0)
            {
                throw CairnException.InvalidParameter($"Invalid value '{v.Weight}' for parameter '{field}.weight': a shadow variant gets a copy of every request, so its weight must be 0.");
            }
        }

        var live = variants.Where(v => v.Mode == VariantMode.Live).ToList();
        if (live.Count == 0)
        {
            throw CairnException.InvalidParameter("Invalid value for parameter 'variants': at least one variant must be live (mode 'live').");
        }

        // A lone live variant without a weight obviously takes all the traffic.
        var normalized = live.Count == 1 && live[0].Weight is null
            ? variants.Select(v => v.Mode == VariantMode.Live ? v with { Weight = TotalLiveWeight } : v).ToList()
            : variants.ToList();
        LiveWeights(normalized.Where(v => v.Mode == VariantMode.Live).Select(v => (v.Name!, v.Weight ?? 0)), "variants");
        return normalized;
    }

    /// <summary>Live weights must sum to exactly 100.</summary>
    public static void LiveWeights(IEnumerable<(string Name, int Weight)> live, string field)
    {
        var list = live.ToList();
        var sum = list.Sum(v => v.Weight);
        if (sum != TotalLiveWeight)
        {
            var detail = string.Join(", ", list.Select(v => $"{v.Name}={v.Weight}"));
            throw CairnException.InvalidParameter(
                $"Invalid value for parameter '{field}': the weights of the live variants must sum to {TotalLiveWeight}, got {sum} ({detail}).");
        }
    }

    public static string VariantName(string? name, string field)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw CairnException.MissingParameter(field);
        }

        return name.Length <= MaxVariantNameLength && NamePattern().IsMatch(name)
            ? name
            : throw Invalid(field, name, $"it must be 1-{MaxVariantNameLength} letters, digits, '.', '_' or '-', starting with a letter or digit");
    }

    private static CairnException Invalid(string field, string value, string rule) =>
        CairnException.InvalidParameter($"Invalid value '{value}' for parameter '{field}': {rule}.");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")]
    private static partial Regex HeaderNamePattern();
}
