namespace Cairn.Server.Mlflow;

/// <summary>MLflow model registry routes (registered models, versions, aliases, tags, stages).</summary>
public static class RegistryApi
{
    public static IServiceCollection AddMlflowRegistry(this IServiceCollection services) => services;

    public static WebApplication MapMlflowRegistryApi(this WebApplication app) => app;
}
