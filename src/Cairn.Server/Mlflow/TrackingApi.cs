using Cairn.Tracking;

namespace Cairn.Server.Mlflow;

/// <summary>MLflow tracking routes: experiments, runs, logging, metric history, search.</summary>
public static partial class TrackingApi
{
    public static IServiceCollection AddMlflowTracking(this IServiceCollection services) =>
        services.AddSingleton<TrackingService>();

    public static WebApplication MapMlflowTrackingApi(this WebApplication app)
    {
        app.MapEach(MlflowRoutes.Prefixes, group =>
        {
            MapExperiments(group);
            MapRuns(group);
            MapLogging(group);
        });
        return app;
    }
}
