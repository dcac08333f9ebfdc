using Cairn.Server.Inference;
using Cairn.Server.Metrics;
using Cairn.Server.Mlflow;
using Cairn.Server.Monitoring;
using Cairn.Server.Native;
using Cairn.Server.Rollouts;
using Cairn.Server.Ui;

namespace Cairn.Server.Hosting;

/// <summary>Wires each API area; every area keeps its services and routes in its own extension methods.</summary>
public static class ApiRegistration
{
    public static IServiceCollection AddCairnApis(this IServiceCollection services)
    {
        services.AddMlflowTracking();
        services.AddMlflowRegistry();
        services.AddDatasetsApi();
        services.AddPipelinesApi();
        services.AddLineageApi();
        services.AddDeploymentsApi();
        services.AddPredictionsApi();
        services.AddInferenceApi();
        services.AddMetricsApi();
        services.AddMonitoringApi();
        services.AddMonitoringGauges();
        services.AddRolloutsApi();
        services.AddCairnUi();
        return services;
    }

    public static WebApplication MapCairnApis(this WebApplication app)
    {
        app.MapHealthApi();
        app.MapMlflowTrackingApi();
        app.MapMlflowRegistryApi();
        app.MapMlflowArtifactsApi();
        app.MapMlflowLoggedModelsApi();
        app.MapDatasetsApi();
        app.MapPipelinesApi();
        app.MapLineageApi();
        app.MapDeploymentsApi();
        app.MapOnnxImportApi();
        app.MapPredictionsApi();
        app.MapInferenceApi();
        app.MapMetricsApi();
        app.MapMonitoringApi();
        app.MapMonitorReportHtmlApi();
        app.MapRolloutsApi();
        app.MapCairnUi();
        app.MapFallbackToEndpointNotFound();
        return app;
    }
}
