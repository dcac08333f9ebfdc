namespace Cairn.Server.Mlflow;

/// <summary>MLflow 3.x logged models.</summary>
public static class LoggedModelsApi
{
    public static WebApplication MapMlflowLoggedModelsApi(this WebApplication app) => app;
}
