using Cairn.Contracts.Mlflow;
using Cairn.Contracts.Mlflow.Tracking;
using Cairn.Core;
using Cairn.Core.Tracking;
using Cairn.Tracking;
using static Cairn.Server.Mlflow.MlflowRequest;

namespace Cairn.Server.Mlflow;

public static partial class TrackingApi
{
    private static readonly IResult Empty = TypedResults.Json(EmptyResponse.Instance, MlflowJsonContext.Default.EmptyResponse);

    private static void MapExperiments(RouteGroupBuilder g)
    {
        g.MapPost("/experiments/create", async (HttpContext ctx, TrackingService svc) =>
        {
            var r = await ReadAsync(ctx, MlflowJsonContext.Default.CreateExperimentRequest);
            var id = await svc.CreateExperimentAsync(Required(r.Name, "name"), r.ArtifactLocation, r.Tags.ToDomain("tags"), ctx.RequestAborted);
            return TypedResults.Json(new CreateExperimentResponse(id), MlflowJsonContext.Default.CreateExperimentResponse);
        });
        g.MapGet("/experiments/get", async (HttpContext ctx, TrackingService svc) =>
        {
            var r = await ReadAsync(ctx, MlflowJsonContext.Default.GetExperimentRequest);
            var experiment = await svc.Store.GetExperimentAsync(Required(r.ExperimentId, "experiment_id"), ctx.RequestAborted);
            return TypedResults.Json(new GetExperimentResponse(experiment.ToDto()), MlflowJsonContext.Default.GetExperimentResponse);
        });
        g.MapGet("/experiments/get-by-name", async (HttpContext ctx, TrackingService svc) =>
        {
            var r = await ReadAsync(ctx, MlflowJsonContext.Default.GetExperimentByNameRequest);
            var experiment = await svc.Store.GetExperimentByNameAsync(Required(r.ExperimentName, "experiment_name"), ctx.RequestAborted);
            return TypedResults.Json(new GetExperimentResponse(experiment.ToDto()), MlflowJsonContext.Default.GetExperimentResponse);
        });
        g.MapMethods("/experiments/search", [HttpMethods.Get, HttpMethods.Post], async (HttpContext ctx, TrackingService svc) =>
        {
            var r = await ReadAsync(ctx, MlflowJsonContext.Default.SearchExperimentsRequest);
            var page = await svc.SearchExperimentsAsync(r.Filter, r.OrderBy, r.ViewType, r.MaxResults, r.PageToken, ctx.RequestAborted);
            return TypedResults.Json(new SearchExperimentsResponse
            {
                Experiments = page.Items.Count == 0 ? null : page.Items.Select(e => e.ToDto()).ToList(),
                NextPageToken = page.NextPageToken,
            }, MlflowJsonContext.Default.SearchExperimentsResponse);
        });
        g.MapPost("/experiments/update", async (HttpContext ctx, TrackingService svc) =>
        {
            var r = await ReadAsync(ctx, MlflowJsonContext.Default.UpdateExperimentRequest);
            await svc.RenameExperimentAsync(Required(r.ExperimentId, "experiment_id"), r.NewName, ctx.RequestAborted);
            return Empty;
        });
        g.MapPost("/experiments/delete", (HttpContext ctx, TrackingService svc) => SetExperimentStage(ctx, svc, LifecycleStage.Deleted));
        g.MapPost("/experiments/restore", (HttpContext ctx, TrackingService svc) => SetExperimentStage(ctx, svc, LifecycleStage.Active));
        g.MapPost("/experiments/set-experiment-tag", async (HttpContext ctx, TrackingService svc) =>
        {
            var r = await ReadAsync(ctx, MlflowJsonContext.Default.SetExperimentTagRequest);
            var tag = new KeyValue(Required(r.Key, "key"), r.Value ?? throw Core.Errors.CairnException.MissingParameter("value"));
            await svc.SetExperimentTagAsync(Required(r.ExperimentId, "experiment_id"), tag, ctx.RequestAborted);
            return Empty;
        });
        g.MapPost("/experiments/delete-experiment-tag", async (HttpContext ctx, TrackingService svc) =>
        {
            var r = await ReadAsync(ctx, MlflowJsonContext.Default.DeleteExperimentTagRequest);
            await svc.Store.DeleteExperimentTagAsync(Required(r.ExperimentId, "experiment_id"), Required(r.Key, "key"), ctx.RequestAborted);
            return Empty;
        });
    }

    private static async Task<IResult> SetExperimentStage(HttpContext ctx, TrackingService svc, string stage)
    {
        var r = await ReadAsync(ctx, MlflowJsonContext.Default.ExperimentIdRequest);
        await svc.Store.SetExperimentLifecycleAsync(Required(r.ExperimentId, "experiment_id"), stage, ctx.RequestAborted);
        return Empty;
    }
}
