namespace Cairn.Core.Registry;

/// <summary>
/// MLflow's model version statuses. Registration is synchronous here, so every version is
/// <see cref="Ready"/> (anything else makes the MLflow client poll for up to 300 s).
/// </summary>
public static class ModelVersionStatus
{
    public const string PendingRegistration = "PENDING_REGISTRATION";
    public const string FailedRegistration = "FAILED_REGISTRATION";
    public const string Ready = "READY";
}
