using Cairn.Core.Errors;

namespace Cairn.Core.Artifacts;

/// <summary>
/// Validation of artifact paths: relative, forward slashes only, no <c>..</c> or <c>.</c> segments, no
/// drive letters or NUL. Every store and endpoint goes through here, so traversal is refused in one place.
/// </summary>
public static class ArtifactPath
{
    /// <summary>Returns the normalised path (no leading/trailing or doubled slashes) or throws INVALID_PARAMETER_VALUE.</summary>
    public static string Normalize(string? path, string field = "path")
    {
        if (string.IsNullOrEmpty(path))
        {
            return "";
        }

        if (path.Contains('\\', StringComparison.Ordinal) || path.Contains('\0', StringComparison.Ordinal))
        {
            throw Invalid(field, path, "backslashes and NUL characters are not allowed");
        }

        if (path.StartsWith('/') || path.StartsWith('~') || (path.Length > 1 && path[1] == ':'))
        {
            throw Invalid(field, path, "it must be a relative path");
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var segment in segments)
        {
            if (segment is ".." or "." || segment.Contains(':', StringComparison.Ordinal))
            {
                throw Invalid(field, path, "'.', '..' and ':' segments are not allowed");
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>Joins normalised segments with '/', skipping empty ones.</summary>
    public static string Combine(params string[] parts) =>
        string.Join('/', parts.Where(p => p.Length > 0));

    private static CairnException Invalid(string field, string path, string rule) =>
        CairnException.InvalidParameter($"Invalid value '{path}' for parameter '{field}': {rule}.");
}
