using Cairn.Contracts.Mlflow;
using Cairn.Server.Mlflow;
using Cairn.Storage;

namespace Cairn.Server.Hosting;

/// <summary>Liveness, readiness, version and MLflow's server-info.</summary>
public static class HealthApi
{
    public static string Version { get; } =
        typeof(HealthApi).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static WebApplication MapHealthApi(this WebApplication app)
    {
        app.MapGet("/health", () => TypedResults.Text("OK"));
        app.MapGet("/health/live", () => TypedResults.Text("OK"));
        app.MapGet("/health/ready", async (IMetadataContextFactory factory, CancellationToken ct) =>
        {
            await using var db = factory.Create();
            return await db.Database.CanConnectAsync(ct)
                ? Results.Text("OK")
                : Results.Text("metadata store unreachable", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        app.MapGet("/version", () => TypedResults.Text(Version));
        app.MapEach(MlflowRoutes.V3Prefixes, g => g.MapGet("/server-info", () =>
            TypedResults.Json(new ServerInfoResponse("SqlStore", false), MlflowJsonContext.Default.ServerInfoResponse)));
        return app;
    }

    /// <summary>Unknown routes answer MLflow's JSON 404 rather than an empty page.</summary>
    public static WebApplication MapFallbackToEndpointNotFound(this WebApplication app)
    {
        app.MapFallback((HttpContext context) => MlflowErrorMiddleware.WriteAsync(
            context, Core.Errors.ErrorCode.EndpointNotFound, $"No endpoint for {context.Request.Method} {context.Request.Path}."));
        return app;
    }
}
