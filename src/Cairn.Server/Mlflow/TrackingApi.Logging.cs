using Cairn.Contracts.Mlflow;
using Cairn.Core;
using Cairn.Core.Errors;
using Cairn.Core.Tracking;
using Cairn.Tracking;
using static Cairn.Server.Mlflow.MlflowRequest;

namespace Cairn.Server.Mlflow;

public static partial class TrackingApi
{
    private static void MapLogging(RouteGroupBuilder g)
    {
        g.MapPost("/runs/log-metric", async (HttpContext ctx, TrackingService svc) =>
        {
            var r = await ReadAsync(ctx, MlflowJsonContext.Default.LogMetricRequest);
            var runId = TrackingMapping.RunIdOf(r.RunId, r.RunUuid);
            var metric = new Contracts.Mlflow.Tracking.MetricDto
            {
                Key = r.Key, Value = r.Value, Timestamp = r.Timestamp, Step = r.Step,
                ModelId = r.ModelId, DatasetName = r.DatasetName, DatasetDigest = r.DatasetDigest,
            }.ToDomain("");
            await svc.LogBatchAsync(new LogBatch(runId, [metric], [], []), ctx.RequestAborted);
            return Empty;
        });
        g.MapPost("/runs/log-parameter", async (HttpContext ctx, TrackingService svc) =>
        {
            var r = await ReadAsync(ctx, MlflowJsonContext.Default.LogParamRequest);
            var param = new KeyValue(Required(r.Key, "key"), r.Value ?? throw CairnException.MissingParameter("value"));
            await svc.LogBatchAsync(new LogBatch(TrackingMapping.RunIdOf(r.RunId, r.RunUuid), [], [param], []), ctx.RequestAborted);
            return Empty;
        });
        g.MapPost("/runs/set-tag", async (HttpContext ctx, TrackingService svc) =>
        {
            var r = await ReadAsync(ctx, MlflowJsonContext.Default.SetTagRequest);
            var tag = new KeyValue(Required(r.Key, "key"), r.Value ?? throw CairnException.MissingParameter("value"));
            await svc.LogBatchAsync(new LogBatch(TrackingMapping.RunIdOf(r.RunId, r.RunUuid), [], [], [tag]), ctx.RequestAborted);
            return Empty;
        });
        g.MapPost("/runs/delete-tag", async (HttpContext ctx, TrackingService svc) =>
        {
            var r = await ReadAsync(ctx, MlflowJsonContext.Default.DeleteTagRequest);
            await svc.DeleteRunTagAsync(Required(r.RunId, "run_id"), Required(r.Key, "key"), ctx.RequestAborted);
            return Empty;
        });
        g.MapPost("/runs/log-batch", async (HttpContext ctx, TrackingService svc) =>
        {
            var r = await ReadAsync(ctx, MlflowJsonContext.Default.LogBatchRequest);
            var metrics = r.Metrics is null ? [] : r.Metrics.Select((m, i) => m.ToDomain($"metrics[{i}].")).ToList();
            var batch = new LogBatch(Required(r.RunId, "run_id"), metrics, r.Params.ToDomain("params"), r.Tags.ToDomain("tags"));
            await svc.LogBatchAsync(batch, ctx.RequestAborted);
            return Empty;
        });
        g.MapPost("/runs/log-inputs", async (HttpContext ctx, TrackingService svc) =>
        {
            var r = await ReadAsync(ctx, MlflowJsonContext.Default.LogInputsRequest);
            var datasets = r.Datasets is null ? [] : r.Datasets.Select((d, i) => d.ToDomain(i)).ToList();
            var models = r.Models is null ? [] : r.Models.Select((m, i) => Required(m.ModelId, $"models[{i}].model_id")).ToList();
            await svc.LogInputsAsync(Required(r.RunId, "run_id"), datasets, models, ctx.RequestAborted);
            return Empty;
        });
        g.MapPost("/runs/outputs", async (HttpContext ctx, TrackingService svc) =>
        {
            var r = await ReadAsync(ctx, MlflowJsonContext.Default.LogOutputsRequest);
            var models = r.Models is null ? [] : r.Models.Select((m, i) => new ModelOutput(Required(m.ModelId, $"models[{i}].model_id"), m.Step ?? 0)).ToList();
            await svc.LogOutputsAsync(Required(r.RunId, "run_id"), models, ctx.RequestAborted);
            return Empty;
        });
    }
}
