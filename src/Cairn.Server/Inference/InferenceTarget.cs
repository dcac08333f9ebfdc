using System.Globalization;
using Cairn.Serving.Routing;

namespace Cairn.Server.Inference;

/// <summary>
/// Resolves the deployment (and pinned version) a request names into its route, or the failure to answer
/// with: unknown → 404, still loading or failed to load → 503, paused → 503, version not among the
/// deployment's variants → 404.
/// </summary>
internal static class InferenceTarget
{
    public static InferenceFailure? Resolve(DeploymentRouter router, HttpContext context, out DeploymentRoute? route, out VariantTarget? pinned)
    {
        pinned = null;
        var name = context.Request.RouteValues["deployment"] as string ?? "";
        if (!router.TryGetRoute(name, out route))
        {
            if (router.Failed.TryGetValue(name, out var reason))
            {
                return InferenceFailure.Unavailable($"Deployment '{name}' cannot be served: {reason}");
            }

            return router.Started
                ? InferenceFailure.NotFound($"Deployment '{name}' does not exist.")
                : InferenceFailure.Unavailable("The server is still loading its deployments; retry shortly.");
        }

        if (context.Request.RouteValues["version"] is string versionText)
        {
            if (!long.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                return InferenceFailure.Invalid($"Version '{versionText}' is not a model version number.");
            }

            pinned = route.ForVersion(version);
            if (pinned is null)
            {
                return InferenceFailure.NotFound(
                    $"Deployment '{name}' has no variant with model version {version}; its versions are: {string.Join(", ", route.All.Select(t => t.VersionText).Distinct())}.");
            }
        }

        if (route.Paused)
        {
            return InferenceFailure.Unavailable($"Deployment '{name}' is paused.");
        }

        if (route.Live.Count == 0)
        {
            return InferenceFailure.Unavailable($"Deployment '{name}' has no live variant.");
        }

        return null;
    }

    /// <summary>The variant that answers: the pinned one, else by the sticky key (header or decoded field), else at random by weight.</summary>
    public static VariantTarget Pick(DeploymentRoute route, VariantTarget? pinned, HttpContext context, string? fieldKey)
    {
        if (pinned is not null)
        {
            return pinned;
        }

        string? key = null;
        if (route.Sticky is { } sticky)
        {
            key = sticky.Kind == StickyKeyKind.Header ? (string?)context.Request.Headers[sticky.Name] : fieldKey;
            if (string.IsNullOrEmpty(key))
            {
                key = null;
            }
        }

        return route.Pick(key, key is not null)!;
    }

    /// <summary>The request id: the body's id, else the X-Request-Id header, else a new one (32 hex digits).</summary>
    public static string RequestId(HttpContext context, string? bodyId)
    {
        if (!string.IsNullOrEmpty(bodyId))
        {
            return bodyId;
        }

        var header = context.Request.Headers[RequestIdHeader];
        return header.Count > 0 && !string.IsNullOrEmpty(header[0]) ? header[0]! : Guid.NewGuid().ToString("N");
    }

    public const string RequestIdHeader = "X-Request-Id";
}
