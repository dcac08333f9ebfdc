using Cairn.Contracts.Mlflow;
using Cairn.Contracts.Mlflow.Tracking;
using Cairn.Core.Tracking;
using Cairn.Tracking;
using static Cairn.Server.Mlflow.MlflowRequest;

namespace Cairn.Server.Mlflow;

public static partial class TrackingApi
{
    private static void MapRuns(RouteGroupBuilder g)
    {
        g.MapPost("/runs/create", async (HttpContext ctx, TrackingService svc) =>
        {
            var r = await ReadAsync(ctx, MlflowJsonContext.Default.CreateRunRequest);
            var run = await svc.CreateRunAsync(new NewRun
            {
                // MLflow falls back to the Default experiment when none is given.
                ExperimentId = r.ExperimentId is { Length: > 0 } id ? id : "0",
                UserId = r.UserId,
                RunName = r.RunName,
                StartTime = r.StartTime,
                Tags = r.Tags.ToDomain("tags"),
            }, ctx.RequestAborted);
            return TypedResults.Json(new RunResponse(run.ToDto(withOutputs: false)), MlflowJsonContext.Default.RunResponse);
        });
        g.MapGet("/runs/get", async (HttpContext ctx, TrackingService svc) =>
        {
            var r = await ReadAsync(ctx, MlflowJsonContext.Default.GetRunRequest);
            var run = await svc.GetRunAsync(TrackingMapping.RunIdOf(r.RunId, r.RunUuid), ctx.RequestAborted);
            return TypedResults.Json(new RunResponse(run.ToDto()), MlflowJsonContext.Default.RunResponse);
        });
        g.MapPost("/runs/update", async (HttpContext ctx, TrackingService svc) =>
        {
            var r = await ReadAsync(ctx, MlflowJsonContext.Default.UpdateRunRequest);
            var status = r.Status is { Length: > 0 } s ? TrackingService.ParseRunStatus(s) : (RunStatus?)null;
            var info = await svc.UpdateRunAsync(new RunUpdate(TrackingMapping.RunIdOf(r.RunId, r.RunUuid), status, r.EndTime, r.RunName), ctx.RequestAborted);
            return TypedResults.Json(new UpdateRunResponse(info.ToDto()), MlflowJsonContext.Default.UpdateRunResponse);
        });
        g.MapPost("/runs/delete", (HttpContext ctx, TrackingService svc) => SetRunStage(ctx, svc, LifecycleStage.Deleted));
        g.MapPost("/runs/restore", (HttpContext ctx, TrackingService svc) => SetRunStage(ctx, svc, LifecycleStage.Active));
        g.MapMethods("/runs/search", [HttpMethods.Get, HttpMethods.Post], async (HttpContext ctx, TrackingService svc) =>
        {
            var r = await ReadAsync(ctx, MlflowJsonContext.Default.SearchRunsRequest);
            var page = await svc.SearchRunsAsync(r.ExperimentIds, r.Filter, r.OrderBy, r.RunViewType, r.MaxResults, r.PageToken, ctx.RequestAborted);
            return TypedResults.Json(new SearchRunsResponse
            {
                Runs = page.Items.Count == 0 ? null : page.Items.Select(run => run.ToDto()).ToList(),
                NextPageToken = page.NextPageToken,
            }, MlflowJsonContext.Default.SearchRunsResponse);
        });
        g.MapGet("/metrics/get-history", async (HttpContext ctx, TrackingService svc) =>
        {
            var r = await ReadAsync(ctx, MlflowJsonContext.Default.GetMetricHistoryRequest);
            var page = await svc.GetMetricHistoryAsync(
                TrackingMapping.RunIdOf(r.RunId, r.RunUuid), Required(r.MetricKey, "metric_key"), r.MaxResults, r.PageToken, ctx.RequestAborted);
            return TypedResults.Json(new GetMetricHistoryResponse
            {
                Metrics = page.Items.Count == 0 ? null : page.Items.Select(m => m.ToDto() with { RunId = null }).ToList(),
                NextPageToken = page.NextPageToken,
            }, MlflowJsonContext.Default.GetMetricHistoryResponse);
        });
    }

    private static async Task<IResult> SetRunStage(HttpContext ctx, TrackingService svc, string stage)
    {
        var r = await ReadAsync(ctx, MlflowJsonContext.Default.RunIdRequest);
        await svc.SetRunLifecycleAsync(Required(r.RunId, "run_id"), stage, ctx.RequestAborted);
        return Empty;
    }
}
