using Cairn.Serving;

namespace Cairn.Server.Inference;

/// <summary>Wires serving: the model host, the router (loaded at start-up), shadow scoring and the inference routes.</summary>
public static class InferenceApi
{
    public static IServiceCollection AddInferenceApi(this IServiceCollection services) => services.AddModelServing();

    public static WebApplication MapInferenceApi(this WebApplication app)
    {
        app.MapOipApi();
        app.MapRecordsApi();
        return app;
    }
}
