namespace Cairn.Core.Errors;

/// <summary>Stable error codes shared by every API; the names are MLflow's so its clients understand them.</summary>
public static class ErrorCode
{
    public const string InvalidParameterValue = "INVALID_PARAMETER_VALUE";
    public const string BadRequest = "BAD_REQUEST";
    public const string ResourceAlreadyExists = "RESOURCE_ALREADY_EXISTS";
    public const string ResourceDoesNotExist = "RESOURCE_DOES_NOT_EXIST";
    public const string EndpointNotFound = "ENDPOINT_NOT_FOUND";
    public const string ResourceConflict = "RESOURCE_CONFLICT";
    public const string RequestLimitExceeded = "REQUEST_LIMIT_EXCEEDED";
    public const string PermissionDenied = "PERMISSION_DENIED";
    public const string InvalidState = "INVALID_STATE";
    public const string InternalError = "INTERNAL_ERROR";
    public const string NotImplemented = "NOT_IMPLEMENTED";
    public const string TemporarilyUnavailable = "TEMPORARILY_UNAVAILABLE";
}
