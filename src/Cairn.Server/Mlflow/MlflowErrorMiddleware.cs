using System.Text.Json;
using Cairn.Contracts.Mlflow;
using Cairn.Core.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace Cairn.Server.Mlflow;

/// <summary>
/// Turns failures into MLflow's error body. A domain error keeps its code; a body that is not JSON, has
/// the wrong types or is too large is a 4xx; only a genuine bug is a 500 (which the MLflow client retries).
/// </summary>
public sealed class MlflowErrorMiddleware(RequestDelegate next, ILogger<MlflowErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (CairnException e)
        {
            await WriteAsync(context, e.Code, e.Message);
        }
        catch (JsonException e)
        {
            await WriteAsync(context, ErrorCode.InvalidParameterValue, DescribeJsonError(e));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await WriteAsync(context, ErrorCode.RequestLimitExceeded, "The request body is too large.", StatusCodes.Status413PayloadTooLarge);
        }
        catch (BadHttpRequestException e)
        {
            await WriteAsync(context, ErrorCode.BadRequest, e.Message, e.StatusCode);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            await WriteAsync(context, ErrorCode.InternalError, "Internal error: " + e.Message);
        }
    }

    public static Task WriteAsync(HttpContext context, string code, string message, int? status = null)
    {
        if (context.Response.HasStarted)
        {
            context.Abort();
            return Task.CompletedTask;
        }

        context.Response.Clear();
        context.Response.StatusCode = status ?? MlflowStatus.For(code);
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        return context.Response.WriteAsJsonAsync(new ErrorResponse(code, message), MlflowJsonContext.Default.ErrorResponse, "application/json");
    }

    private static string DescribeJsonError(JsonException e)
    {
        var field = e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
        return field is null
            ? $"Malformed JSON in request body: {FirstLine(e.Message)}"
            : $"Invalid value for parameter '{field}': {FirstLine(e.Message)}";
    }

    private static string FirstLine(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
