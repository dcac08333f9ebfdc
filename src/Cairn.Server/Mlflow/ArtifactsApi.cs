namespace Cairn.Server.Mlflow;

/// <summary>MLflow's artifact proxy (mlflow-artifacts) and the legacy artifacts/list route.</summary>
public static class ArtifactsApi
{
    public static WebApplication MapMlflowArtifactsApi(this WebApplication app) => app;
}
