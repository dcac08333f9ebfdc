using Cairn.Contracts.Mlflow;
using Cairn.Contracts.Mlflow.Artifacts;
using Cairn.Core.Artifacts;
using Cairn.Core.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace Cairn.Server.Mlflow;

/// <summary>
/// MLflow's artifact proxy (<c>mlflow-artifacts</c>): the client PUTs and GETs raw file bytes under the
/// store paths that <see cref="ArtifactUri"/> hands out, and lists directories. Bodies are streamed both
/// ways, never held in memory. Also the legacy tracking route <c>artifacts/list</c>.
/// </summary>
public static partial class ArtifactsApi
{
    private static readonly IResult Empty = TypedResults.Json(EmptyResponse.Instance, MlflowJsonContext.Default.EmptyResponse);

    public static WebApplication MapMlflowArtifactsApi(this WebApplication app)
    {
        // Runs before every endpoint (routing has already picked one) so traversal is refused even when
        // Kestrel's dot-segment removal routed the request somewhere else.
        app.Use(ArtifactRequestPath.GuardAsync);
        app.MapEach(MlflowRoutes.ArtifactPrefixes, g =>
        {
            g.MapPut("/artifacts/{**path}", UploadAsync);
            g.MapGet("/artifacts", ListAsync);
            g.MapGet("/artifacts/{**path}", DownloadAsync);
            g.MapDelete("/artifacts/{**path}", DeleteAsync);
            g.MapPost("/mpu/{action}/{**path}", (HttpContext ctx) => NotImplemented(ctx, "Multipart upload"));
            g.MapGet("/presigned/{**path}", (HttpContext ctx) => NotImplemented(ctx, "Presigned upload URLs"));
        });
        app.MapEach(MlflowRoutes.Prefixes, g => g.MapGet("/artifacts/list", ListRunArtifactsAsync));
        app.MapGet("/get-artifact", GetRunArtifactAsync);
        return app;
    }

    private static async Task<IResult> UploadAsync(HttpContext ctx, IArtifactStore store)
    {
        var path = RequireFilePath(ArtifactRequestPath.Get(ctx, "artifacts"));

        // Model files can be far larger than any JSON request, so uploads are exempt from the server-wide limit.
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        await store.PutAsync(path, ctx.Request.Body, ctx.RequestAborted);
        return Empty;
    }

    private static async Task<IResult> DownloadAsync(HttpContext ctx, IArtifactStore store)
    {
        var path = ArtifactRequestPath.Get(ctx, "artifacts");
        if (path.Length == 0)
        {
            return await ListAsync(ctx, store);
        }

        return await SendFileAsync(ctx, store, path, path);
    }

    private static async Task<IResult> ListAsync(HttpContext ctx, IArtifactStore store)
    {
        var path = ArtifactPath.Normalize(ctx.Request.Query["path"].ToString());
        var entries = await ListDirectoryAsync(store, path, ctx.RequestAborted);
        return TypedResults.Json(new ListArtifactsResponse
        {
            Files = entries.Count == 0 ? null : [.. entries.Select(e => ToDto(e, BaseName(e.Path)))],
        }, MlflowJsonContext.Default.ListArtifactsResponse);
    }

    private static async Task<IResult> DeleteAsync(HttpContext ctx, IArtifactStore store)
    {
        var path = ArtifactRequestPath.Get(ctx, "artifacts");
        if (path.Length == 0)
        {
            throw CairnException.InvalidParameter("Invalid value '' for parameter 'path': refusing to delete the artifact root.");
        }

        await store.DeleteAsync(path, ctx.RequestAborted);
        return Empty;
    }

    private static IResult NotImplemented(HttpContext ctx, string feature)
    {
        _ = ArtifactRequestPath.Get(ctx, ctx.Request.Path.Value!.Contains("/presigned", StringComparison.OrdinalIgnoreCase)
            ? "presigned"
            : "mpu/" + ctx.Request.RouteValues["action"]);
        throw new CairnException(ErrorCode.NotImplemented, $"{feature} is not supported by this server; upload the file with PUT instead.");
    }

    /// <summary>
    /// The direct children of a directory, sorted by name. A missing path or a file lists nothing,
    /// as MLflow's server answers <c>{}</c> for both.
    /// </summary>
    internal static async Task<IReadOnlyList<ArtifactEntry>> ListDirectoryAsync(IArtifactStore store, string path, CancellationToken cancellationToken)
    {
        var entries = await store.ListAsync(path, cancellationToken);
        if (entries is [{ IsDirectory: false } single] && single.Path == path && path.Length > 0)
        {
            return [];
        }

        return [.. entries.OrderBy(e => e.Path, StringComparer.Ordinal)];
    }

    /// <summary>Streams a file with MLflow's download headers; a missing file is RESOURCE_DOES_NOT_EXIST.</summary>
    internal static async Task<IResult> SendFileAsync(HttpContext ctx, IArtifactStore store, string path, string shownPath)
    {
        var stream = await store.OpenReadAsync(path, ctx.RequestAborted)
            ?? throw CairnException.NotFound($"Artifact '{shownPath}' does not exist.");
        var name = BaseName(path);
        ctx.Response.Headers.ContentDisposition = ContentDisposition(name);
        ctx.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(stream, ArtifactContentTypes.Guess(name), enableRangeProcessing: true);
    }

    internal static ArtifactFileDto ToDto(ArtifactEntry entry, string shownPath) =>
        new(shownPath, entry.IsDirectory) { FileSize = entry.IsDirectory ? null : entry.Size };

    private static string RequireFilePath(string path) =>
        path.Length > 0 ? path : throw CairnException.InvalidParameter("Invalid value '' for parameter 'path': an upload needs a file path.");

    private static string BaseName(string path) => path[(path.LastIndexOf('/') + 1)..];

    // Plain "filename=name" as MLflow sends it when the name is a safe token; otherwise a quoted ASCII
    // fallback plus the RFC 5987 UTF-8 form, so odd names cannot break the header.
    private static string ContentDisposition(string name)
    {
        if (name.All(c => c is > ' ' and < (char)127 and not ('"' or ';' or ',' or '\\')))
        {
            return "attachment; filename=" + name;
        }

        var ascii = new string([.. name.Select(c => c is >= ' ' and < (char)127 and not ('"' or '\\') ? c : '_')]);
        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(name)}";
    }
}
