using Cairn.Core.Errors;

namespace Cairn.Server.Mlflow;

/// <summary>The one place where error codes become HTTP statuses (MLflow's ERROR_CODE_TO_HTTP_STATUS).</summary>
public static class MlflowStatus
{
    public static int For(string code) => code switch
    {
        ErrorCode.InvalidParameterValue or ErrorCode.BadRequest or ErrorCode.ResourceAlreadyExists => StatusCodes.Status400BadRequest,
        ErrorCode.PermissionDenied => StatusCodes.Status403Forbidden,
        ErrorCode.ResourceDoesNotExist or ErrorCode.EndpointNotFound => StatusCodes.Status404NotFound,
        ErrorCode.ResourceConflict => StatusCodes.Status409Conflict,
        ErrorCode.RequestLimitExceeded => StatusCodes.Status429TooManyRequests,
        ErrorCode.NotImplemented => StatusCodes.Status501NotImplemented,
        ErrorCode.TemporarilyUnavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
