namespace Cairn.Server.Mlflow;

/// <summary>MLflow tracking routes: experiments, runs, logging, metric history, search.</summary>
public static class TrackingApi
{
    public static IServiceCollection AddMlflowTracking(this IServiceCollection services) => services;

    public static WebApplication MapMlflowTrackingApi(this WebApplication app) => app;
}
