namespace Cairn.Contracts.Mlflow;

/// <summary>MLflow's error body: <c>{"error_code": "...", "message": "..."}</c>.</summary>
public sealed record ErrorResponse(string ErrorCode, string Message);
