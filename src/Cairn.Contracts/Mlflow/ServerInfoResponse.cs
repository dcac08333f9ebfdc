namespace Cairn.Contracts.Mlflow;

/// <summary><c>GET /api/3.0/mlflow/server-info</c>.</summary>
public sealed record ServerInfoResponse(string StoreType, bool WorkspacesEnabled);
