using Cairn.Contracts.Mlflow;
using Cairn.Contracts.Mlflow.Registry;
using Cairn.Core.Registry;
using Cairn.Registry;
using Microsoft.AspNetCore.Http.HttpResults;
using static Cairn.Server.Mlflow.MlflowRequest;

namespace Cairn.Server.Mlflow;

/// <summary>Model-version handlers.</summary>
public static partial class RegistryApi
{
    private static async Task<JsonHttpResult<ModelVersionResponse>> CreateModelVersion(HttpContext context, RegistryService registry)
    {
        var request = await ReadAsync(context, Json.CreateModelVersionRequest);
        var version = new NewModelVersion
        {
            Name = Required(request.Name, "name"),
            Source = Required(request.Source, "source"),
            RunId = NullIfEmpty(request.RunId),
            RunLink = request.RunLink,
            ModelId = NullIfEmpty(request.ModelId),
            Description = request.Description,
            Tags = RegistryMapping.Tags(request.Tags) ?? [],
        };
        return Version(await registry.CreateModelVersionAsync(version, context.RequestAborted));
    }

    private static async Task<JsonHttpResult<ModelVersionResponse>> GetModelVersion(HttpContext context, RegistryService registry)
    {
        var request = await ReadAsync(context, Json.ModelVersionKeyRequest);
        return Version(await registry.GetModelVersionAsync(Required(request.Name, "name"), Required(request.Version, "version"), context.RequestAborted));
    }

    private static async Task<JsonHttpResult<SearchModelVersionsResponse>> SearchModelVersions(HttpContext context, RegistryService registry)
    {
        var request = await ReadAsync(context, Json.SearchModelVersionsRequest);
        var page = await registry.SearchModelVersionsAsync(request.Filter, request.MaxResults, request.OrderBy, request.PageToken, context.RequestAborted);
        return TypedResults.Json(
            new SearchModelVersionsResponse { ModelVersions = RegistryMapping.ToDtos(page.Items), NextPageToken = page.NextPageToken },
            Json.SearchModelVersionsResponse);
    }

    private static async Task<JsonHttpResult<ModelVersionResponse>> UpdateModelVersion(HttpContext context, RegistryService registry)
    {
        var request = await ReadAsync(context, Json.UpdateModelVersionRequest);
        return Version(await registry.UpdateModelVersionAsync(
            Required(request.Name, "name"), Required(request.Version, "version"), request.Description, context.RequestAborted));
    }

    private static async Task<JsonHttpResult<ModelVersionResponse>> TransitionModelVersionStage(HttpContext context, RegistryService registry)
    {
        var request = await ReadAsync(context, Json.TransitionModelVersionStageRequest);
        return Version(await registry.TransitionModelVersionStageAsync(
            Required(request.Name, "name"),
            Required(request.Version, "version"),
            Required(request.Stage, "stage"),
            Required(request.ArchiveExistingVersions, "archive_existing_versions"),
            context.RequestAborted));
    }

    private static async Task<JsonHttpResult<EmptyResponse>> DeleteModelVersion(HttpContext context, RegistryService registry)
    {
        var request = await ReadAsync(context, Json.ModelVersionKeyRequest);
        await registry.DeleteModelVersionAsync(Required(request.Name, "name"), Required(request.Version, "version"), context.RequestAborted);
        return Empty();
    }

    private static async Task<JsonHttpResult<GetModelVersionDownloadUriResponse>> GetDownloadUri(HttpContext context, RegistryService registry)
    {
        var request = await ReadAsync(context, Json.ModelVersionKeyRequest);
        var uri = await registry.GetDownloadUriAsync(Required(request.Name, "name"), Required(request.Version, "version"), context.RequestAborted);
        return TypedResults.Json(new GetModelVersionDownloadUriResponse(uri), Json.GetModelVersionDownloadUriResponse);
    }

    private static async Task<JsonHttpResult<EmptyResponse>> SetModelVersionTag(HttpContext context, RegistryService registry)
    {
        var request = await ReadAsync(context, Json.SetModelVersionTagRequest);
        await registry.SetModelVersionTagAsync(
            Required(request.Name, "name"), Required(request.Version, "version"), Required(request.Key, "key"), request.Value, context.RequestAborted);
        return Empty();
    }

    private static async Task<JsonHttpResult<EmptyResponse>> DeleteModelVersionTag(HttpContext context, RegistryService registry)
    {
        var request = await ReadAsync(context, Json.DeleteModelVersionTagRequest);
        await registry.DeleteModelVersionTagAsync(
            Required(request.Name, "name"), Required(request.Version, "version"), Required(request.Key, "key"), context.RequestAborted);
        return Empty();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
