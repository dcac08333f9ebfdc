using Cairn.Contracts.Mlflow;
using Cairn.Contracts.Mlflow.Registry;
using Cairn.Registry;
using Microsoft.AspNetCore.Http.HttpResults;
using static Cairn.Server.Mlflow.MlflowRequest;

namespace Cairn.Server.Mlflow;

/// <summary>Registered-model handlers.</summary>
public static partial class RegistryApi
{
    private static async Task<JsonHttpResult<RegisteredModelResponse>> CreateRegisteredModel(HttpContext context, RegistryService registry)
    {
        var request = await ReadAsync(context, Json.CreateRegisteredModelRequest);
        return Model(await registry.CreateRegisteredModelAsync(
            Required(request.Name, "name"), RegistryMapping.Tags(request.Tags), request.Description, context.RequestAborted));
    }

    private static async Task<JsonHttpResult<RegisteredModelResponse>> GetRegisteredModel(HttpContext context, RegistryService registry)
    {
        var request = await ReadAsync(context, Json.RegisteredModelNameRequest);
        return Model(await registry.GetRegisteredModelAsync(Required(request.Name, "name"), context.RequestAborted));
    }

    private static async Task<JsonHttpResult<SearchRegisteredModelsResponse>> SearchRegisteredModels(HttpContext context, RegistryService registry)
    {
        var request = await ReadAsync(context, Json.SearchRegisteredModelsRequest);
        var page = await registry.SearchRegisteredModelsAsync(request.Filter, request.MaxResults, request.OrderBy, request.PageToken, context.RequestAborted);
        var models = page.Items.Select(RegistryMapping.ToDto).ToList();
        return TypedResults.Json(
            new SearchRegisteredModelsResponse { RegisteredModels = models.Count == 0 ? null : models, NextPageToken = page.NextPageToken },
            Json.SearchRegisteredModelsResponse);
    }

    private static async Task<JsonHttpResult<RegisteredModelResponse>> UpdateRegisteredModel(HttpContext context, RegistryService registry)
    {
        var request = await ReadAsync(context, Json.UpdateRegisteredModelRequest);
        return Model(await registry.UpdateRegisteredModelAsync(Required(request.Name, "name"), request.Description, context.RequestAborted));
    }

    private static async Task<JsonHttpResult<RegisteredModelResponse>> RenameRegisteredModel(HttpContext context, RegistryService registry)
    {
        var request = await ReadAsync(context, Json.RenameRegisteredModelRequest);
        return Model(await registry.RenameRegisteredModelAsync(
            Required(request.Name, "name"), Required(request.NewName, "new_name"), context.RequestAborted));
    }

    private static async Task<JsonHttpResult<EmptyResponse>> DeleteRegisteredModel(HttpContext context, RegistryService registry)
    {
        var request = await ReadAsync(context, Json.RegisteredModelNameRequest);
        await registry.DeleteRegisteredModelAsync(Required(request.Name, "name"), context.RequestAborted);
        return Empty();
    }

    private static async Task<JsonHttpResult<EmptyResponse>> SetRegisteredModelTag(HttpContext context, RegistryService registry)
    {
        var request = await ReadAsync(context, Json.SetRegisteredModelTagRequest);
        await registry.SetRegisteredModelTagAsync(Required(request.Name, "name"), Required(request.Key, "key"), request.Value, context.RequestAborted);
        return Empty();
    }

    private static async Task<JsonHttpResult<EmptyResponse>> DeleteRegisteredModelTag(HttpContext context, RegistryService registry)
    {
        var request = await ReadAsync(context, Json.DeleteRegisteredModelTagRequest);
        await registry.DeleteRegisteredModelTagAsync(Required(request.Name, "name"), Required(request.Key, "key"), context.RequestAborted);
        return Empty();
    }

    private static async Task<JsonHttpResult<ModelVersionsResponse>> GetLatestVersions(HttpContext context, RegistryService registry)
    {
        var request = await ReadAsync(context, Json.GetLatestVersionsRequest);
        var versions = await registry.GetLatestVersionsAsync(Required(request.Name, "name"), request.Stages, context.RequestAborted);
        return TypedResults.Json(new ModelVersionsResponse { ModelVersions = RegistryMapping.ToDtos(versions) }, Json.ModelVersionsResponse);
    }

    private static async Task<JsonHttpResult<EmptyResponse>> SetAlias(HttpContext context, RegistryService registry)
    {
        var request = await ReadAsync(context, Json.SetRegisteredModelAliasRequest);
        await registry.SetAliasAsync(
            Required(request.Name, "name"), Required(request.Alias, "alias"), Required(request.Version, "version"), context.RequestAborted);
        return Empty();
    }

    private static async Task<JsonHttpResult<EmptyResponse>> DeleteAlias(HttpContext context, RegistryService registry)
    {
        var request = await ReadAsync(context, Json.RegisteredModelAliasRequest);
        await registry.DeleteAliasAsync(Required(request.Name, "name"), Required(request.Alias, "alias"), context.RequestAborted);
        return Empty();
    }

    private static async Task<JsonHttpResult<ModelVersionResponse>> GetModelVersionByAlias(HttpContext context, RegistryService registry)
    {
        var request = await ReadAsync(context, Json.RegisteredModelAliasRequest);
        return Version(await registry.GetModelVersionByAliasAsync(Required(request.Name, "name"), Required(request.Alias, "alias"), context.RequestAborted));
    }
}
