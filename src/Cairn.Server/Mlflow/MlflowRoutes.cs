namespace Cairn.Server.Mlflow;

/// <summary>MLflow mounts every route under /api/2.0/mlflow and again under /ajax-api/2.0/mlflow (for its UI); so do we.</summary>
public static class MlflowRoutes
{
    public static readonly string[] Prefixes = ["/api/2.0/mlflow", "/ajax-api/2.0/mlflow"];

    public static readonly string[] V3Prefixes = ["/api/3.0/mlflow", "/ajax-api/3.0/mlflow"];

    public static readonly string[] ArtifactPrefixes = ["/api/2.0/mlflow-artifacts", "/ajax-api/2.0/mlflow-artifacts"];

    /// <summary>Calls <paramref name="map"/> once per prefix group.</summary>
    public static void MapEach(this IEndpointRouteBuilder app, IEnumerable<string> prefixes, Action<RouteGroupBuilder> map)
    {
        foreach (var prefix in prefixes)
        {
            map(app.MapGroup(prefix));
        }
    }
}
