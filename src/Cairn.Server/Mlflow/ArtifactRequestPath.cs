using Cairn.Core.Artifacts;
using Cairn.Core.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace Cairn.Server.Mlflow;

/// <summary>
/// Artifact paths taken from the request target exactly as the client sent it. Kestrel decodes the path
/// and silently removes <c>.</c>/<c>..</c> segments before routing, so <c>artifacts/a/../b</c> would
/// otherwise reach us as <c>artifacts/b</c> (or another endpoint altogether); reading the raw target,
/// decoding it once and validating it with <see cref="ArtifactPath"/> turns every traversal attempt,
/// encoded or not, into a 400 that names the path.
/// </summary>
public static class ArtifactRequestPath
{
    /// <summary>The decoded path after <c>{artifact prefix}/{operation}/</c>, validated and normalised.</summary>
    public static string Get(HttpContext context, string operation)
    {
        var decoded = DecodedRawPath(context);
        foreach (var prefix in MlflowRoutes.ArtifactPrefixes)
        {
            var start = prefix + "/" + operation;
            if (decoded.StartsWith(start, StringComparison.OrdinalIgnoreCase)
                && (decoded.Length == start.Length || decoded[start.Length] == '/'))
            {
                var tail = decoded.Length == start.Length ? "" : decoded[(start.Length + 1)..];
                return ArtifactPath.Normalize(tail);
            }
        }

        throw CairnException.InvalidParameter($"Invalid value '{decoded}' for parameter 'path': the request path is not an artifact path.");
    }

    /// <summary>
    /// Middleware: refuses dot segments, backslashes and NUL anywhere under the artifact prefixes before
    /// any endpoint runs, including requests whose normalised path routed elsewhere.
    /// </summary>
    public static Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var raw = RawPath(context);
        if (raw.Contains("mlflow-artifacts", StringComparison.OrdinalIgnoreCase))
        {
            var decoded = Uri.UnescapeDataString(raw);
            foreach (var prefix in MlflowRoutes.ArtifactPrefixes)
            {
                if (decoded.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase))
                {
                    ArtifactPath.Normalize(decoded[(prefix.Length + 1)..]);
                }
            }
        }

        return next(context);
    }

    private static string DecodedRawPath(HttpContext context) => Uri.UnescapeDataString(RawPath(context));

    /// <summary>The path part of the raw request target (origin-form or absolute-form), still percent-encoded.</summary>
    private static string RawPath(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
        {
            return context.Request.PathBase.Add(context.Request.Path).ToUriComponent();
        }

        if (!raw.StartsWith('/'))
        {
            var scheme = raw.IndexOf("://", StringComparison.Ordinal);
            var slash = scheme < 0 ? -1 : raw.IndexOf('/', scheme + 3);
            raw = slash < 0 ? "/" : raw[slash..];
        }

        var query = raw.IndexOfAny(['?', '#']);
        return query < 0 ? raw : raw[..query];
    }
}
