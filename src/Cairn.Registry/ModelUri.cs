using Cairn.Core.Errors;

namespace Cairn.Registry;

/// <summary>
/// A <c>models:/</c> URI as MLflow parses it: <c>models:/m-&lt;id&gt;</c> (a logged model),
/// <c>models:/&lt;name&gt;/&lt;version&gt;</c>, <c>models:/&lt;name&gt;/&lt;stage&gt;</c>,
/// <c>models:/&lt;name&gt;/latest</c> or <c>models:/&lt;name&gt;@&lt;alias&gt;</c>.
/// </summary>
public sealed record ModelUri
{
    private const string Scheme = "models:";

    public string? ModelId { get; private init; }
    public string? Name { get; private init; }
    public long? Version { get; private init; }
    public string? Stage { get; private init; }
    public string? Alias { get; private init; }
    public bool Latest { get; private init; }

    public static bool IsModelUri(string source) => source.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses a <c>models:</c> URI; anything malformed is INVALID_PARAMETER_VALUE naming the source.</summary>
    public static ModelUri Parse(string source)
    {
        var path = source[Scheme.Length..].TrimStart('/');
        var parts = path.Split('/');
        if (parts.Length == 1 && parts[0].Length > 0)
        {
            var at = parts[0].IndexOf('@', StringComparison.Ordinal);
            if (at > 0 && at < parts[0].Length - 1)
            {
                return new ModelUri { Name = parts[0][..at], Alias = parts[0][(at + 1)..] };
            }

            if (at < 0)
            {
                return new ModelUri { ModelId = parts[0] };
            }
        }
        else if (parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0)
        {
            if (long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
            {
                return new ModelUri { Name = parts[0], Version = version };
            }

            return string.Equals(parts[1], "latest", StringComparison.OrdinalIgnoreCase)
                ? new ModelUri { Name = parts[0], Latest = true }
                : new ModelUri { Name = parts[0], Stage = parts[1] };
        }

        throw CairnException.InvalidParameter(
            $"Invalid model URI in 'source': '{source}'. Expected models:/<model_id>, models:/<name>/<version or stage or latest> or models:/<name>@<alias>.");
    }
}
