using System.Text.Json;
using Cairn.Core.Errors;

namespace Cairn.Server.Inference;

/// <summary>
/// Maps what went wrong on an inference route to a status, an error code and a message: bad input is 4xx
/// naming the input and the rule (400, 404, 413), a paused or not-yet-loaded deployment 503, and only a
/// genuine bug 500.
/// </summary>
internal readonly record struct InferenceFailure(int Status, string Code, string Message)
{
    public static InferenceFailure? From(Exception e) => e switch
    {
        CairnException c => new InferenceFailure(StatusOf(c.Code), c.Code, c.Message),
        JsonException j => new InferenceFailure(StatusCodes.Status400BadRequest, ErrorCode.BadRequest, $"Malformed JSON in request body: {FirstLine(j.Message)}"),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            new InferenceFailure(StatusCodes.Status413PayloadTooLarge, ErrorCode.RequestLimitExceeded, "The request body is too large."),
        BadHttpRequestException b => new InferenceFailure(b.StatusCode, ErrorCode.BadRequest, b.Message),
        OperationCanceledException => null,
        _ => new InferenceFailure(StatusCodes.Status500InternalServerError, ErrorCode.InternalError, "Internal error: " + e.Message),
    };

    /// <summary>A 500 is a bug: log it with the request (the other failures are the caller's and not logged).</summary>
    public void LogIfBug(HttpContext context, Exception e)
    {
        if (Status >= StatusCodes.Status500InternalServerError)
        {
            context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("Cairn.Server.Inference")
                .LogError(e, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        }
    }

    public static InferenceFailure Unavailable(string message) =>
        new(StatusCodes.Status503ServiceUnavailable, ErrorCode.TemporarilyUnavailable, message);

    public static InferenceFailure NotFound(string message) =>
        new(StatusCodes.Status404NotFound, ErrorCode.ResourceDoesNotExist, message);

    public static InferenceFailure Invalid(string message) =>
        new(StatusCodes.Status400BadRequest, ErrorCode.InvalidParameterValue, message);

    private static int StatusOf(string code) => code switch
    {
        ErrorCode.ResourceDoesNotExist => StatusCodes.Status404NotFound,
        ErrorCode.RequestLimitExceeded => StatusCodes.Status413PayloadTooLarge,
        ErrorCode.InvalidState or ErrorCode.TemporarilyUnavailable => StatusCodes.Status503ServiceUnavailable,
        ErrorCode.InvalidParameterValue or ErrorCode.BadRequest => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static string FirstLine(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
