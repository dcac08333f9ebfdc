using System.Text.Json;
using Cairn.Contracts.Native.Datasets;
using Cairn.Core.Artifacts;
using Cairn.Core.Datasets;
using Cairn.Core.Errors;
using Cairn.Data;
using Cairn.Data.Import;
using Cairn.Data.Serialization;
using Cairn.Storage;
using Microsoft.AspNetCore.Http.Features;

namespace Cairn.Server.Native;

/// <summary>
/// The native datasets API under <c>/api/v1/datasets</c>: streamed uploads become content-addressed
/// versions (hashed and profiled in one pass, never buffered whole), names list their versions
/// newest first, versions carry schema and profile, data downloads stream, and validation reports
/// every failure. Errors use the common {error_code, message} body.
/// </summary>
public static partial class DatasetsApi
{
    public static IServiceCollection AddDatasetsApi(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var temp = Path.Combine(sp.GetRequiredService<StorageOptions>().Home, "tmp");
            Directory.CreateDirectory(temp);
            return new DatasetImportOptions { TempDirectory = temp, Read = new() { TempDirectory = temp } };
        });
        services.AddSingleton(sp => new DatasetService(
            sp.GetRequiredService<IDatasetStore>(), sp.GetRequiredService<IArtifactStore>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<DatasetImportOptions>()));
        return services;
    }

    public static RouteGroupBuilder MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/datasets");
        group.MapGet("", ListDatasetsAsync);
        group.MapPost("/{name}/versions", ImportAsync);
        group.MapGet("/{name}/versions", ListVersionsAsync);
        group.MapGet("/{name}/versions/{version}", GetVersionAsync);
        group.MapGet("/{name}/versions/{version}/data", DownloadAsync);
        group.MapPost("/{name}/versions/{version}/validate", ValidateAsync);
        group.MapPut("/{name}/tags/{tag}", SetTagAsync);
        group.MapDelete("/{name}/tags/{tag}", DeleteTagAsync);
        return group;
    }

    /// <summary>The request body is the file, streamed through hashing and profiling; ?format= (else from ?filename=), ?source=.</summary>
    private static async Task<IResult> ImportAsync(HttpContext ctx, string name, DatasetService service, DatasetImportOptions options)
    {
        DatasetNames.ValidateName(name);
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // Data files are far larger than JSON requests: their own limit replaces the server-wide one.
            limit.MaxRequestBodySize = options.MaxBytes;
        }

        var query = ctx.Request.Query;
        var request = new ImportRequest
        {
            Name = name,
            Format = query["format"].ToString() is { Length: > 0 } format ? format : null,
            FileName = query["filename"].ToString() is { Length: > 0 } file ? file : null,
            SourceUri = query["source"].ToString() is { Length: > 0 } source ? source : null,
        };
        var result = await service.ImportAsync(request, ctx.Request.Body, ctx.RequestAborted);
        var body = new ImportDatasetResponse(DatasetsMapping.ToDto(result.Version, includeSamples: false), result.Created);
        return result.Created
            ? TypedResults.Json(body, DatasetsJsonContext.Default.ImportDatasetResponse, statusCode: StatusCodes.Status201Created)
            : TypedResults.Json(body, DatasetsJsonContext.Default.ImportDatasetResponse);
    }

    private static async Task<IResult> ListDatasetsAsync(HttpContext ctx, DatasetService service)
    {
        var max = ctx.Request.Query["max_results"].ToString() is { Length: > 0 } text
            ? int.TryParse(text, out var parsed) ? parsed : throw CairnException.InvalidParameter($"Invalid value '{text}' for parameter 'max_results': not an integer.")
            : 100;
        var page = await service.Store.ListDatasetsAsync(max, ctx.Request.Query["page_token"].ToString(), ctx.RequestAborted);
        return TypedResults.Json(new ListDatasetsResponse([.. page.Items.Select(DatasetsMapping.ToDto)]) { NextPageToken = page.NextPageToken },
            DatasetsJsonContext.Default.ListDatasetsResponse);
    }

    private static async Task<IResult> ListVersionsAsync(string name, DatasetService service, CancellationToken cancellationToken)
    {
        DatasetNames.ValidateName(name);
        var versions = await service.Store.ListVersionsAsync(name, cancellationToken);
        return TypedResults.Json(new ListDatasetVersionsResponse([.. versions.Select(v => DatasetsMapping.ToDto(v, includeSamples: false))]),
            DatasetsJsonContext.Default.ListDatasetVersionsResponse);
    }

    /// <summary>Schema and profile; the drift samples are left out unless ?samples=true (they can be megabytes).</summary>
    private static async Task<IResult> GetVersionAsync(HttpContext ctx, string name, string version, DatasetService service)
    {
        DatasetNames.ValidateName(name);
        var found = await service.Store.GetVersionAsync(name, version, includeProfile: true, ctx.RequestAborted);
        var samples = string.Equals(ctx.Request.Query["samples"], "true", StringComparison.OrdinalIgnoreCase);
        return TypedResults.Json(DatasetsMapping.ToDto(found, samples), DatasetsJsonContext.Default.DatasetVersionDto);
    }

    private static async Task<IResult> DownloadAsync(HttpContext ctx, string name, string version, DatasetService service)
    {
        DatasetNames.ValidateName(name);
        var found = await service.Store.GetVersionAsync(name, version, includeProfile: false, ctx.RequestAborted);
        var stream = await service.OpenAsync(found, ctx.RequestAborted);
        var fileName = $"{found.Name}-{found.Version[..12]}.{found.Format}";
        ctx.Response.Headers.ContentDisposition = $"attachment; filename={fileName}";
        ctx.Response.Headers.ETag = $"\"{found.Version}\"";
        return TypedResults.Stream(stream, found.Format == "csv" ? "text/csv" : "application/octet-stream", enableRangeProcessing: true);
    }

    /// <summary>Body: {"schema": {...}} or {"reference": "name@version"}; answers the report (200 even when it fails: the report says so).</summary>
    private static async Task<IResult> ValidateAsync(HttpContext ctx, string name, string version, DatasetService service)
    {
        DatasetNames.ValidateName(name);
        using var body = await JsonDocument.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted);
        if (body.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw CairnException.InvalidParameter("The request body must be a JSON object with 'schema' or 'reference'.");
        }

        var hasSchema = body.RootElement.TryGetProperty("schema", out var schema) && schema.ValueKind != JsonValueKind.Null;
        var hasReference = body.RootElement.TryGetProperty("reference", out var reference) && reference.ValueKind != JsonValueKind.Null;
        if (hasSchema == hasReference)
        {
            throw CairnException.InvalidParameter("Give exactly one of 'schema' (a validation schema) and 'reference' (name@version).");
        }

        var target = await service.Store.GetVersionAsync(name, version, includeProfile: false, ctx.RequestAborted);
        var report = hasSchema
            ? await service.ValidateAsync(target, DataJson.ParseValidationSchema(schema.GetRawText()), ctx.RequestAborted)
            : await service.ValidateAgainstAsync(target, await service.GetAsync(
                reference.ValueKind == JsonValueKind.String ? reference.GetString()! : throw CairnException.InvalidParameter("Invalid value for parameter 'reference': a string name@version is expected."),
                includeProfile: true, ctx.RequestAborted), ctx.RequestAborted);
        return TypedResults.Text(DataJson.Serialize(report), "application/json");
    }

    private static async Task<IResult> SetTagAsync(string name, string tag, HttpContext ctx, DatasetService service)
    {
        DatasetNames.ValidateName(name);
        var request = await JsonSerializer.DeserializeAsync(ctx.Request.Body, DatasetsJsonContext.Default.SetDatasetTagRequest, ctx.RequestAborted);
        if (string.IsNullOrEmpty(request?.Version))
        {
            throw CairnException.MissingParameter("version");
        }

        var version = await service.Store.SetTagAsync(name, tag, request.Version, ctx.RequestAborted);
        return TypedResults.Json(DatasetsMapping.ToDto(version, includeSamples: false), DatasetsJsonContext.Default.DatasetVersionDto);
    }

    private static async Task<IResult> DeleteTagAsync(string name, string tag, DatasetService service, CancellationToken cancellationToken)
    {
        DatasetNames.ValidateName(name);
        await service.Store.DeleteTagAsync(name, tag, cancellationToken);
        return TypedResults.NoContent();
    }
}
