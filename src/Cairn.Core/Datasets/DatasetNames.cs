using System.Text.RegularExpressions;
using Cairn.Core.Errors;

namespace Cairn.Core.Datasets;

/// <summary>
/// Rules for dataset names and tags: 1–200 characters of letters, digits, '.', '_' and '-', starting
/// with a letter or digit (so no path separators, no "..", nothing to escape in a URL). A tag must
/// also start with a letter and must not be "latest" or look like a hash prefix.
/// </summary>
public static partial class DatasetNames
{
    public const string Latest = "latest";

    public static string ValidateName(string? name, string field = "name")
    {
        if (string.IsNullOrEmpty(name))
        {
            throw CairnException.MissingParameter(field);
        }

        if (!NamePattern().IsMatch(name) || name.Contains("..", StringComparison.Ordinal))
        {
            throw CairnException.InvalidParameter(
                $"Invalid value '{name}' for parameter '{field}': use 1-200 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }

        return name;
    }

    public static string ValidateTag(string? tag, string field = "tag")
    {
        ValidateName(tag, field);
        if (!char.IsAsciiLetter(tag![0]) || tag == Latest || HexPattern().IsMatch(tag))
        {
            throw CairnException.InvalidParameter(
                $"Invalid value '{tag}' for parameter '{field}': a tag starts with a letter, is not 'latest' and is not all hexadecimal digits.");
        }

        return tag;
    }

    public static bool IsHashPrefix(string reference) => reference.Length >= 6 && reference.Length <= 64 && HexPattern().IsMatch(reference);

    /// <summary>Splits "name@version" (the version part is optional and means latest).</summary>
    public static (string Name, string? Version) ParseReference(string reference, string field = "dataset")
    {
        var at = reference.LastIndexOf('@');
        var name = at < 0 ? reference : reference[..at];
        var version = at < 0 ? null : reference[(at + 1)..];
        ValidateName(name, field);
        if (version is { Length: 0 })
        {
            throw CairnException.InvalidParameter($"Invalid value '{reference}' for parameter '{field}': nothing after '@' (use name@version, name@tag or name).");
        }

        return (name, version);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[0-9a-fA-F]+$")]
    private static partial Regex HexPattern();
}
