using System.Globalization;
using System.Text.RegularExpressions;
using Cairn.Core;
using Cairn.Core.Errors;

namespace Cairn.Registry;

/// <summary>
/// MLflow's registry input rules (mlflow/utils/validation.py), with its messages: names, version
/// numbers, tag keys and values, alias names, sources. Limits: keys 250, tag values 100000, aliases 255.
/// </summary>
public static partial class RegistryValidation
{
    public const int MaxModelNameLength = 256;
    public const int MaxTagKeyLength = 250;
    public const int MaxTagValueLength = 100_000;
    public const int MaxAliasLength = 255;

    public static string ModelName(string? name, string field = "name")
    {
        if (string.IsNullOrEmpty(name))
        {
            throw CairnException.MissingParameter(field);
        }

        return name.Length <= MaxModelNameLength ? name : throw TooLong(field, MaxModelNameLength);
    }

    public static long Version(string? version)
    {
        if (string.IsNullOrEmpty(version))
        {
            throw CairnException.MissingParameter("version");
        }

        return long.TryParse(version.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw CairnException.InvalidParameter($"Parameter 'version' must be an integer, got '{version}'.");
    }

    /// <summary>A tag key: MLflow's characters, no path tricks ("a/../b", "/a", "a//b"), at most 250 characters.</summary>
    public static string TagKey(string? key)
    {
        if (key is null)
        {
            throw CairnException.MissingParameter("key");
        }

        if (!TagKeyCharacters().IsMatch(key))
        {
            throw CairnException.InvalidParameter(
                $"Invalid value \"{key}\" for parameter 'key' supplied: Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).");
        }

        if (key.Length == 0 || key.StartsWith('/') || key.EndsWith('/') || key.Contains("//", StringComparison.Ordinal)
            || key.Split('/').Any(s => s is "." or ".."))
        {
            throw CairnException.InvalidParameter(
                $"Invalid value \"{key}\" for parameter 'key' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such.");
        }

        return key.Length <= MaxTagKeyLength ? key : throw TooLong("key", MaxTagKeyLength);
    }

    public static KeyValue Tag(string? key, string? value)
    {
        var validKey = TagKey(key);
        var validValue = value ?? string.Empty;
        return validValue.Length <= MaxTagValueLength ? new KeyValue(validKey, validValue) : throw TooLong("value", MaxTagValueLength);
    }

    public static IReadOnlyList<KeyValue> Tags(IReadOnlyList<KeyValue>? tags) =>
        tags is null ? [] : [.. tags.Select(t => Tag(t.Key, t.Value))];

    /// <summary>An alias: word characters and dashes, at most 255, and not MLflow's reserved <c>latest</c> or <c>v&lt;digits&gt;</c>.</summary>
    public static string Alias(string? alias)
    {
        if (string.IsNullOrEmpty(alias))
        {
            throw CairnException.InvalidParameter("Registered model alias name cannot be empty.");
        }

        if (!AliasCharacters().IsMatch(alias))
        {
            throw CairnException.InvalidParameter(
                $"Invalid alias name: '{alias}'. Names may only contain alphanumerics, underscores (_), and dashes (-).");
        }

        if (alias.Length > MaxAliasLength)
        {
            throw TooLong("Registered model alias name", MaxAliasLength);
        }

        if (string.Equals(alias, "latest", StringComparison.OrdinalIgnoreCase))
        {
            throw CairnException.InvalidParameter("'latest' alias name (case insensitive) is reserved.");
        }

        return VersionAlias().IsMatch(alias)
            ? throw CairnException.InvalidParameter($"Version alias name '{alias}' is reserved.")
            : alias;
    }

    /// <summary>A source must not climb out of its location with <c>..</c> segments (also URL-encoded).</summary>
    public static string Source(string? source)
    {
        if (string.IsNullOrEmpty(source))
        {
            throw CairnException.MissingParameter("source");
        }

        var decoded = Uri.UnescapeDataString(source);
        return decoded.Replace('\\', '/').Split('/').Any(s => s == "..")
            ? throw CairnException.InvalidParameter(
                $"Invalid model version source: '{source}'. The source must be an absolute location without relative path references ('..').")
            : source;
    }

    /// <summary>max_results: the default when unset, otherwise 1..<paramref name="limit"/>.</summary>
    public static int MaxResults(long? maxResults, int defaultValue, int limit)
    {
        if (maxResults is null)
        {
            return defaultValue;
        }

        if (maxResults < 1)
        {
            throw CairnException.InvalidParameter($"Invalid value for max_results. It must be a positive integer, but got {maxResults}");
        }

        return maxResults <= limit
            ? (int)maxResults
            : throw CairnException.InvalidParameter(
                $"Invalid value for request parameter max_results. It must be at most {limit}, but got value {maxResults}");
    }

    private static CairnException TooLong(string field, int limit) =>
        CairnException.InvalidParameter($"'{field}' exceeds the maximum length of {limit} characters");

    [GeneratedRegex(@"^[/\w.\- :]*$")]
    private static partial Regex TagKeyCharacters();

    [GeneratedRegex(@"^[\w\-]*$")]
    private static partial Regex AliasCharacters();

    [GeneratedRegex(@"^[vV]\d+$")]
    private static partial Regex VersionAlias();
}
