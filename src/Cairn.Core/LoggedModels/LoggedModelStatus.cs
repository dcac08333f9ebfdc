using Cairn.Core.Errors;

namespace Cairn.Core.LoggedModels;

/// <summary>Upload state of a logged model; the numbers are MLflow's proto values.</summary>
public enum LoggedModelStatus
{
    Unspecified = 0,
    Pending = 1,
    Ready = 2,
    UploadFailed = 3,
}

/// <summary>MLflow's wire names of <see cref="LoggedModelStatus"/> (<c>LOGGED_MODEL_READY</c>, ...).</summary>
public static class LoggedModelStatuses
{
    public static string ToWire(this LoggedModelStatus status) => status switch
    {
        LoggedModelStatus.Pending => "LOGGED_MODEL_PENDING",
        LoggedModelStatus.Ready => "LOGGED_MODEL_READY",
        LoggedModelStatus.UploadFailed => "LOGGED_MODEL_UPLOAD_FAILED",
        _ => "LOGGED_MODEL_STATUS_UNSPECIFIED",
    };

    /// <summary>Parses a wire name or its proto number (enums may arrive either way); null if unknown.</summary>
    public static LoggedModelStatus? TryParse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "LOGGED_MODEL_PENDING" or "1" => LoggedModelStatus.Pending,
        "LOGGED_MODEL_READY" or "2" => LoggedModelStatus.Ready,
        "LOGGED_MODEL_UPLOAD_FAILED" or "3" => LoggedModelStatus.UploadFailed,
        "LOGGED_MODEL_STATUS_UNSPECIFIED" or "0" => LoggedModelStatus.Unspecified,
        _ => null,
    };

    /// <summary>Parses a status that a client may set at finalize time: READY or UPLOAD_FAILED.</summary>
    public static LoggedModelStatus ParseFinal(string value, string field = "status") =>
        TryParse(value) is { } status and (LoggedModelStatus.Ready or LoggedModelStatus.UploadFailed)
            ? status
            : throw CairnException.InvalidParameter(
                $"Invalid value '{value}' for parameter '{field}': expected LOGGED_MODEL_READY or LOGGED_MODEL_UPLOAD_FAILED.");
}
