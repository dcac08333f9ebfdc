using Cairn.Contracts.Mlflow;
using Cairn.Contracts.Mlflow.Artifacts;
using Cairn.Core.Artifacts;
using Cairn.Core.Tracking;

namespace Cairn.Server.Mlflow;

public static partial class ArtifactsApi
{
    /// <summary>
    /// <c>GET /mlflow/artifacts/list?run_id=&amp;path=</c>: a run's artifacts with paths relative to its
    /// artifact root (<c>model/MLmodel</c>). Local listings are not paged, so there is never a next page.
    /// </summary>
    private static async Task<IResult> ListRunArtifactsAsync(HttpContext ctx, ITrackingStore tracking, IArtifactStore store)
    {
        var r = await MlflowRequest.ReadAsync(ctx, MlflowJsonContext.Default.ListRunArtifactsRequest);
        var relative = ArtifactPath.Normalize(r.Path);
        var run = await tracking.GetRunAsync(TrackingMapping.RunIdOf(r.RunId, r.RunUuid), ctx.RequestAborted);
        var files = await ListUnderRootAsync(store, run.Info.ArtifactUri, relative, ctx.RequestAborted);
        return TypedResults.Json(new ListRunArtifactsResponse
        {
            RootUri = run.Info.ArtifactUri,
            Files = files,
        }, MlflowJsonContext.Default.ListRunArtifactsResponse);
    }

    /// <summary>
    /// Lists <paramref name="relativePath"/> under an artifact root URI, with entry paths relative to the
    /// root; null when there is nothing (or the root is not served by this server's proxy).
    /// </summary>
    internal static async Task<IReadOnlyList<ArtifactFileDto>?> ListUnderRootAsync(
        IArtifactStore store, string rootUri, string? relativePath, CancellationToken cancellationToken)
    {
        var relative = ArtifactPath.Normalize(relativePath);
        if (ArtifactUri.TryGetStorePath(rootUri) is not { } root)
        {
            return null;
        }

        var entries = await ListDirectoryAsync(store, ArtifactPath.Combine(root, relative), cancellationToken);
        return entries.Count == 0
            ? null
            : [.. entries.Select(e => ToDto(e, root.Length == 0 ? e.Path : e.Path[(root.Length + 1)..]))];
    }
}
