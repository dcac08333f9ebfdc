using Cairn.Contracts.Mlflow;
using Cairn.Contracts.Mlflow.Registry;
using Cairn.Registry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cairn.Server.Mlflow;

/// <summary>
/// MLflow model registry routes (registered models, versions, aliases, tags, stages), with the methods
/// of MLflow's server: GET for reads and searches, PATCH for updates, DELETE with a JSON body for
/// deletes. get-latest-versions and the two searches also answer the other of GET/POST.
/// </summary>
public static partial class RegistryApi
{
    private static MlflowJsonContext Json => MlflowJsonContext.Default;

    public static IServiceCollection AddMlflowRegistry(this IServiceCollection services)
    {
        services.AddSingleton<RegistryService>();
        return services;
    }

    public static WebApplication MapMlflowRegistryApi(this WebApplication app)
    {
        app.MapEach(MlflowRoutes.Prefixes, g =>
        {
            g.MapPost("/registered-models/create", CreateRegisteredModel);
            g.MapGet("/registered-models/get", GetRegisteredModel);
            g.MapMethods("/registered-models/search", [HttpMethods.Get, HttpMethods.Post], SearchRegisteredModels);
            g.MapPatch("/registered-models/update", UpdateRegisteredModel);
            g.MapPost("/registered-models/rename", RenameRegisteredModel);
            g.MapDelete("/registered-models/delete", DeleteRegisteredModel);
            g.MapPost("/registered-models/set-tag", SetRegisteredModelTag);
            g.MapDelete("/registered-models/delete-tag", DeleteRegisteredModelTag);
            g.MapMethods("/registered-models/get-latest-versions", [HttpMethods.Post, HttpMethods.Get], GetLatestVersions);
            g.MapPost("/registered-models/alias", SetAlias);
            g.MapDelete("/registered-models/alias", DeleteAlias);
            g.MapGet("/registered-models/alias", GetModelVersionByAlias);

            g.MapPost("/model-versions/create", CreateModelVersion);
            g.MapGet("/model-versions/get", GetModelVersion);
            g.MapMethods("/model-versions/search", [HttpMethods.Get, HttpMethods.Post], SearchModelVersions);
            g.MapPatch("/model-versions/update", UpdateModelVersion);
            g.MapPost("/model-versions/transition-stage", TransitionModelVersionStage);
            g.MapDelete("/model-versions/delete", DeleteModelVersion);
            g.MapGet("/model-versions/get-download-uri", GetDownloadUri);
            g.MapPost("/model-versions/set-tag", SetModelVersionTag);
            g.MapDelete("/model-versions/delete-tag", DeleteModelVersionTag);
        });
        return app;
    }

    private static JsonHttpResult<EmptyResponse> Empty() => TypedResults.Json(EmptyResponse.Instance, Json.EmptyResponse);

    private static JsonHttpResult<RegisteredModelResponse> Model(Core.Registry.RegisteredModel model) =>
        TypedResults.Json(new RegisteredModelResponse(RegistryMapping.ToDto(model)), Json.RegisteredModelResponse);

    private static JsonHttpResult<ModelVersionResponse> Version(Core.Registry.ModelVersion version) =>
        TypedResults.Json(new ModelVersionResponse(RegistryMapping.ToDto(version)), Json.ModelVersionResponse);
}
