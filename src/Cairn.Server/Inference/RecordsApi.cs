using System.Diagnostics;
using Cairn.Core.Errors;
using Cairn.Serving.Inference;
using Cairn.Serving.Routing;
using Cairn.Server.Mlflow;
using Cairn.Training;
using Microsoft.Extensions.Options;

namespace Cairn.Server.Inference;

/// <summary>
/// <c>POST /api/v1/deployments/{name}/predict</c>: JSON records in, predictions out (label, score, class
/// probabilities, top_k, abstain below min_confidence). Errors are Cairn's usual <c>{"error_code", "message"}</c>.
/// </summary>
public static class RecordsApi
{
    private const string Protocol = "records";

    public static WebApplication MapRecordsApi(this WebApplication app)
    {
        var service = app.Services.GetRequiredService<InferenceService>();
        var limit = app.Services.GetRequiredService<IOptions<InferenceOptions>>().Value.MaxRequestBodyBytes;
        app.MapPost("/api/v1/deployments/{deployment}/predict", context => PredictAsync(context, service, limit));
        return app;
    }

    private static async Task PredictAsync(HttpContext context, InferenceService service, long limit)
    {
        var started = Stopwatch.GetTimestamp();
        DeploymentRoute? route = null;
        VariantTarget? target = null;
        try
        {
            if (InferenceTarget.Resolve(service.Router, context, out route, out _) is { } refused)
            {
                await FailAsync(context, service, route, null, refused, started);
                return;
            }

            var features = route!.Live[0].Features;
            var stickyField = route.Sticky is { Kind: StickyKeyKind.Field } s ? s.Name : null;
            RecordsRequest request;
            using (var body = await InferenceBody.ReadAsync(context.Request, limit, context.RequestAborted))
            {
                request = RecordsDecoder.Decode(body.Span, features, stickyField);
            }

            target = InferenceTarget.Pick(route, null, context, request.StickyKey);
            if (target.Model.Manifest.Task == ModelTask.Regression && (request.TopK is not null || request.MinConfidence is not null))
            {
                throw CairnException.InvalidParameter("'top_k' and 'min_confidence' apply to classifiers; this deployment's model is a regression.");
            }

            var requestId = InferenceTarget.RequestId(context, request.Id);
            var predictions = InferenceService.Score(target, request.Batch);
            context.Response.Headers[InferenceTarget.RequestIdHeader] = requestId;
            await JsonResponse.WriteAsync(
                context, StatusCodes.Status200OK, (route.Name, target, requestId, predictions, request),
                static (writer, s) => RecordsEncoder.Write(writer, s.Name, s.target, s.requestId, s.predictions, s.request));
            service.Answered(route, target, request.Batch, predictions, requestId, started, Protocol);
        }
        catch (Exception e) when (InferenceFailure.From(e) is { } failure)
        {
            failure.LogIfBug(context, e);
            await FailAsync(context, service, route, target, failure, started);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
    }

    private static Task FailAsync(HttpContext context, InferenceService service, DeploymentRoute? route, VariantTarget? target, InferenceFailure failure, long started)
    {
        if (route is not null)
        {
            service.Refused(route, target, Protocol, failure.Status, started);
        }

        return MlflowErrorMiddleware.WriteAsync(context, failure.Code, failure.Message, failure.Status);
    }
}
