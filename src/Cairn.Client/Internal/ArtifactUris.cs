namespace Cairn.Client.Internal;

/// <summary>
/// Maps artifact URIs to the server's artifact proxy. MLflow returns <c>mlflow-artifacts:/&lt;exp&gt;/&lt;run&gt;/artifacts</c>
/// and the client resolves it to <c>{server}/api/2.0/mlflow-artifacts/artifacts/&lt;exp&gt;/&lt;run&gt;/artifacts/...</c>.
/// </summary>
internal static class ArtifactUris
{
    public const string Scheme = "mlflow-artifacts:";

    public const string Route = "api/2.0/mlflow-artifacts/artifacts";

    /// <summary>The proxy path of an artifact URI, without leading or trailing slashes.</summary>
    public static string ToProxyPath(string artifactUri)
    {
        if (!artifactUri.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException(
                $"The artifact URI '{artifactUri}' is not served through the tracking server's artifact proxy (mlflow-artifacts:/...); this client can only read and write proxied artifacts.");
        }

        var rest = artifactUri[Scheme.Length..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            // mlflow-artifacts://host:port/path names another server; we still talk to ours, so keep the path only.
            var slash = rest.IndexOf('/', 2);
            rest = slash < 0 ? string.Empty : rest[slash..];
        }

        return rest.Trim('/');
    }

    /// <summary>Joins proxy path parts, checking that a caller's relative path stays inside the run.</summary>
    public static string Combine(string root, string? relative)
    {
        var clean = Normalize(relative);
        return clean.Length == 0 ? root : root.Length == 0 ? clean : root + "/" + clean;
    }

    /// <summary>A caller's artifact path in canonical form: '/' separators, no leading or trailing '/', no '.' or '..'.</summary>
    public static string Normalize(string? relative)
    {
        if (string.IsNullOrEmpty(relative))
        {
            return string.Empty;
        }

        if (relative.Contains('\\', StringComparison.Ordinal) || relative.StartsWith('/') || Path.IsPathRooted(relative))
        {
            throw new ArgumentException($"Artifact path '{relative}' must be relative and use '/' separators.", nameof(relative));
        }

        var parts = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Any(p => p is "." or ".."))
        {
            throw new ArgumentException($"Artifact path '{relative}' must not contain '.' or '..' segments.", nameof(relative));
        }

        return string.Join('/', parts);
    }

    /// <summary>The proxy route of a path, each segment escaped.</summary>
    public static string ToRoute(string proxyPath) =>
        Route + "/" + string.Join('/', proxyPath.Split('/').Select(Uri.EscapeDataString));
}
