using System.Diagnostics;
using System.Text.Json;
using Cairn.Serving.Inference;
using Cairn.Serving.Routing;
using Microsoft.Extensions.Options;

namespace Cairn.Server.Inference;

/// <summary>
/// The Open Inference Protocol v2 REST API under <c>/v2</c>: a deployment is an OIP "model", a pinned model
/// version of one of its variants an OIP "version". Errors are <c>{"error": "..."}</c> as the spec says.
/// The infer route is the hot path: a request delegate without model binding, decoding straight from the
/// request pipe and writing with a reused writer.
/// </summary>
public static partial class OipApi
{
    private const string Protocol = "oip";

    public static WebApplication MapOipApi(this WebApplication app)
    {
        var service = app.Services.GetRequiredService<InferenceService>();
        var limit = app.Services.GetRequiredService<IOptions<InferenceOptions>>().Value.MaxRequestBodyBytes;
        RequestDelegate infer = context => InferAsync(context, service, limit);
        app.MapPost("/v2/models/{deployment}/infer", infer);
        app.MapPost("/v2/models/{deployment}/versions/{version}/infer", infer);
        MapMetadata(app, service.Router);
        return app;
    }

    private static async Task InferAsync(HttpContext context, InferenceService service, long limit)
    {
        var started = Stopwatch.GetTimestamp();
        DeploymentRoute? route = null;
        VariantTarget? target = null;
        try
        {
            if (InferenceTarget.Resolve(service.Router, context, out route, out var pinned) is { } refused)
            {
                await FailAsync(context, service, route, null, refused, started);
                return;
            }

            var features = (pinned ?? route!.Live[0]).Features;
            var outputs = (pinned ?? route!.Live[0]).Outputs;
            var stickyField = route!.Sticky is { Kind: StickyKeyKind.Field } s ? s.Name : null;
            OipRequest request;
            using (var body = await InferenceBody.ReadAsync(context.Request, limit, context.RequestAborted))
            {
                request = OipDecoder.Decode(body.Span, features, stickyField, outputs);
            }

            target = InferenceTarget.Pick(route, pinned, context, request.StickyKey);
            var requestId = InferenceTarget.RequestId(context, request.Id);
            var predictions = InferenceService.Score(target, request.Batch);
            context.Response.Headers[InferenceTarget.RequestIdHeader] = requestId;
            await JsonResponse.WriteAsync(
                context, StatusCodes.Status200OK, (route.Name, target, requestId, predictions, request.Outputs),
                static (writer, s) => OipEncoder.Write(writer, s.Name, s.target, s.requestId, s.predictions, s.Outputs));
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

        return WriteErrorAsync(context, failure.Status, failure.Message);
    }

    /// <summary>OIP's error body: <c>{"error": "message"}</c>.</summary>
    internal static Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        if (context.Response.HasStarted)
        {
            context.Abort();
            return Task.CompletedTask;
        }

        return JsonResponse.WriteAsync(context, status, message, static (writer, m) =>
        {
            writer.WriteStartObject();
            writer.WriteString("error"u8, m);
            writer.WriteEndObject();
        });
    }

    private static Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> body) =>
        JsonResponse.WriteAsync(context, status, body, static (writer, b) => b(writer));
}
