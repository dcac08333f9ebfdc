using Cairn.Contracts.Mlflow;
using Cairn.Contracts.Mlflow.Artifacts;
using Cairn.Contracts.Mlflow.LoggedModels;
using Cairn.Core.Artifacts;
using Cairn.Core.LoggedModels;
using static Cairn.Server.Mlflow.MlflowRequest;

namespace Cairn.Server.Mlflow;

/// <summary>
/// MLflow 3.x logged models: every <c>log_model</c> creates one, uploads its files under its own
/// artifact URI and finalizes it; <c>register_model</c> and <c>load_model</c> look it up again.
/// </summary>
public static partial class LoggedModelsApi
{
    private static readonly IResult Empty = TypedResults.Json(EmptyResponse.Instance, MlflowJsonContext.Default.EmptyResponse);

    public static WebApplication MapMlflowLoggedModelsApi(this WebApplication app)
    {
        app.MapEach(MlflowRoutes.Prefixes, g =>
        {
            g.MapPost("/logged-models", CreateAsync);
            g.MapPost("/logged-models/search", SearchAsync);
            g.MapGet("/logged-models/{modelId}", async (string modelId, ILoggedModelStore store, CancellationToken ct) =>
                Model(await store.GetAsync(modelId, ct)));
            g.MapPatch("/logged-models/{modelId}", FinalizeAsync);
            g.MapDelete("/logged-models/{modelId}", async (string modelId, ILoggedModelStore store, CancellationToken ct) =>
            {
                await store.DeleteAsync(modelId, ct);
                return Empty;
            });
            g.MapPatch("/logged-models/{modelId}/tags", SetTagsAsync);
            g.MapDelete("/logged-models/{modelId}/tags/{**tagKey}", DeleteTagAsync);
            g.MapPost("/logged-models/{modelId}/params", LogParamsAsync);
            g.MapGet("/logged-models/{modelId}/artifacts/directories", ListArtifactsAsync);
            g.MapGet("/logged-models/{modelId}/artifacts/files", DownloadArtifactAsync);
        });
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpContext ctx, ILoggedModelStore store)
    {
        var r = await ReadAsync(ctx, MlflowJsonContext.Default.CreateLoggedModelRequest);
        var model = await store.CreateAsync(new NewLoggedModel
        {
            ExperimentId = Required(r.ExperimentId, "experiment_id"),
            Name = r.Name,
            SourceRunId = r.SourceRunId,
            ModelType = r.ModelType,
            Tags = r.Tags.ToDomain("tags"),
            Params = r.Params.ToDomain("params"),
        }, ctx.RequestAborted);
        return Model(model);
    }

    private static async Task<IResult> FinalizeAsync(string modelId, HttpContext ctx, ILoggedModelStore store)
    {
        var r = await ReadAsync(ctx, MlflowJsonContext.Default.FinalizeLoggedModelRequest);
        var status = LoggedModelStatuses.ParseFinal(Required(r.Status, "status"));
        return Model(await store.FinalizeAsync(modelId, status, ctx.RequestAborted));
    }

    private static async Task<IResult> SetTagsAsync(string modelId, HttpContext ctx, ILoggedModelStore store)
    {
        var r = await ReadAsync(ctx, MlflowJsonContext.Default.SetLoggedModelTagsRequest);
        await store.SetTagsAsync(modelId, r.Tags.ToDomain("tags"), ctx.RequestAborted);
        return Empty;
    }

    private static async Task<IResult> DeleteTagAsync(string modelId, string tagKey, ILoggedModelStore store, CancellationToken ct)
    {
        // Kestrel leaves an encoded slash encoded in the path; tag keys may legitimately contain one.
        await store.DeleteTagAsync(modelId, tagKey.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase), ct);
        return Empty;
    }

    private static async Task<IResult> LogParamsAsync(string modelId, HttpContext ctx, ILoggedModelStore store)
    {
        var r = await ReadAsync(ctx, MlflowJsonContext.Default.LogLoggedModelParamsRequest);
        await store.LogParamsAsync(modelId, r.Params.ToDomain("params"), ctx.RequestAborted);
        return Empty;
    }

    private static async Task<IResult> ListArtifactsAsync(string modelId, HttpContext ctx, ILoggedModelStore models, IArtifactStore store)
    {
        var r = await ReadAsync(ctx, MlflowJsonContext.Default.ListLoggedModelArtifactsRequest);
        var relative = ArtifactPath.Normalize(r.ArtifactDirectoryPath, "artifact_directory_path");
        var model = await models.GetAsync(modelId, ctx.RequestAborted);
        return TypedResults.Json(new ListRunArtifactsResponse
        {
            RootUri = model.ArtifactUri,
            Files = await ArtifactsApi.ListUnderRootAsync(store, model.ArtifactUri, relative, ctx.RequestAborted),
        }, MlflowJsonContext.Default.ListRunArtifactsResponse);
    }

    private static async Task<IResult> DownloadArtifactAsync(string modelId, HttpContext ctx, ILoggedModelStore models, IArtifactStore store)
    {
        var relative = ArtifactPath.Normalize(Required(ctx.Request.Query["artifact_file_path"].ToString(), "artifact_file_path"), "artifact_file_path");
        var model = await models.GetAsync(modelId, ctx.RequestAborted);
        var root = ArtifactUri.ToStorePath(model.ArtifactUri);
        return await ArtifactsApi.SendFileAsync(ctx, store, ArtifactPath.Combine(root, relative), relative);
    }

    private static IResult Model(LoggedModel model) =>
        TypedResults.Json(new LoggedModelResponse(model.ToDto()), MlflowJsonContext.Default.LoggedModelResponse);
}
