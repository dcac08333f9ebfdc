using Cairn.Contracts.Native.Lineage;

namespace Cairn.Server.Native;

/// <summary>The native lineage API under <c>/api/v1/lineage</c>: where a registered model version came from.</summary>
public static class LineageApi
{
    private const string Prefix = "/api/v1/lineage";

    public static IServiceCollection AddLineageApi(this IServiceCollection services) => services.AddSingleton<LineageBuilder>();

    public static WebApplication MapLineageApi(this WebApplication app)
    {
        // {version} is a version number or an alias (e.g. champion).
        app.MapGet(Prefix + "/models/{name}/versions/{version}", ModelVersionLineage);
        return app;
    }

    private static async Task<IResult> ModelVersionLineage(string name, string version, LineageBuilder builder, CancellationToken ct) =>
        TypedResults.Json(await builder.ForModelVersionAsync(name, version, ct), LineageJsonContext.Default.ModelLineageResponse);
}
