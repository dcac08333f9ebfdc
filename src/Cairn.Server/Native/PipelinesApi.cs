using System.Text.Json;
using Cairn.Contracts.Native.Pipelines;
using Cairn.Core.Errors;
using Cairn.Pipelines;
using Cairn.Pipelines.Engine;
using Cairn.Storage;

namespace Cairn.Server.Native;

/// <summary>The native pipelines API under <c>/api/v1/pipelines</c>: submit, list, inspect and cancel runs, and lineage.</summary>
public static partial class PipelinesApi
{
    private const string Prefix = "/api/v1/pipelines";
    private const int MaxSpecChars = 1024 * 1024;

    private static PipelinesJsonContext Json => PipelinesJsonContext.Default;

    public static IServiceCollection AddPipelinesApi(this IServiceCollection services)
    {
        // Step scratch space lives in the Cairn home next to the metadata and artifacts.
        var storage = services.Select(d => d.ImplementationInstance).OfType<StorageOptions>().FirstOrDefault() ?? new StorageOptions();
        services.AddCairnPipelines(new PipelineEngineOptions { WorkRoot = Path.Combine(storage.Home, "work") });
        services.AddHostedService<PipelinesHostedService>();
        AddPipelineTriggers(services);
        return services;
    }

    public static WebApplication MapPipelinesApi(this WebApplication app)
    {
        var g = app.MapGroup(Prefix);
        g.MapGet("", ListPipelines);
        g.MapPost("/runs", SubmitRun);
        g.MapGet("/runs/{runId}", GetRun);
        g.MapPost("/runs/{runId}/cancel", CancelRun);
        g.MapGet("/{name}/runs", ListRuns);
        g.MapGet("/artifacts/{artifactId:long}/lineage", ArtifactLineage);
        g.MapGet("/executions/{executionId:long}/lineage", ExecutionLineage);
        MapPipelineTriggers(g);
        return app;
    }

    private static async Task<IResult> SubmitRun(HttpContext context, PipelineService service, CancellationToken ct)
    {
        var request = await JsonSerializer.DeserializeAsync(context.Request.Body, Json.SubmitPipelineRunRequest, ct)
            ?? throw CairnException.MissingParameter("spec");
        if (string.IsNullOrWhiteSpace(request.Spec))
        {
            throw CairnException.MissingParameter("spec");
        }

        if (request.Spec.Length > MaxSpecChars)
        {
            throw CairnException.InvalidParameter($"Invalid value for parameter 'spec': it is longer than {MaxSpecChars} characters.");
        }

        var fileName = string.IsNullOrWhiteSpace(request.FileName) ? "pipeline.yaml" : Path.GetFileName(request.FileName);
        if (request.WorkingDirectory is { Length: > 0 } directory && !Path.IsPathFullyQualified(directory))
        {
            throw CairnException.InvalidParameter($"Invalid value '{directory}' for parameter 'working_directory': it must be an absolute path.");
        }

        var submission = new PipelineSubmission(request.Spec, fileName, request.Params ?? [], request.NoCache, WorkingDirectory: request.WorkingDirectory);
        var check = service.Validate(submission);
        if (check.Problems.Count > 0)
        {
            // Every problem, each with file:line:column, in the message and as a list.
            var message = Cairn.Pipelines.Spec.PipelineCompiler.Invalid(check.Problems).Message;
            var problems = check.Problems.Select(p => new SpecProblemDto(p.File, p.Line, p.Column, p.Reason)).ToList();
            return TypedResults.Json(new PipelineValidationErrorResponse(ErrorCode.InvalidParameterValue, message, problems),
                Json.PipelineValidationErrorResponse, statusCode: StatusCodes.Status400BadRequest);
        }

        var run = await service.SubmitAsync(submission, ct);
        return TypedResults.Json(new SubmitPipelineRunResponse(run.RunId, run.PipelineName), Json.SubmitPipelineRunResponse);
    }

    private static async Task<IResult> ListPipelines(PipelineService service, CancellationToken ct)
    {
        var pipelines = await service.ListPipelinesAsync(ct);
        return TypedResults.Json(new ListPipelinesResponse(pipelines.Select(PipelinesMapping.ToDto).ToList()), Json.ListPipelinesResponse);
    }

    private static async Task<IResult> ListRuns(string name, int? maxResults, PipelineService service, CancellationToken ct)
    {
        var runs = await service.ListRunsAsync(name, maxResults ?? 100, ct);
        return TypedResults.Json(new ListPipelineRunsResponse(runs.Select(PipelinesMapping.ToDto).ToList()), Json.ListPipelineRunsResponse);
    }

    private static async Task<IResult> GetRun(string runId, PipelineService service, CancellationToken ct) =>
        TypedResults.Json(PipelinesMapping.ToDto(await service.GetRunAsync(runId, ct)), Json.GetPipelineRunResponse);

    private static async Task<IResult> CancelRun(string runId, PipelineService service, CancellationToken ct) =>
        TypedResults.Json(PipelinesMapping.ToDto(await service.CancelAsync(runId, ct)), Json.GetPipelineRunResponse);

    private static async Task<IResult> ArtifactLineage(long artifactId, PipelineService service, CancellationToken ct)
    {
        var graph = await service.GetArtifactLineageAsync(artifactId, ct);
        return graph.Artifacts.Count == 0
            ? throw CairnException.NotFound($"Lineage artifact {artifactId} does not exist.")
            : TypedResults.Json(PipelinesMapping.ToDto(graph), Json.LineageResponse);
    }

    private static async Task<IResult> ExecutionLineage(long executionId, PipelineService service, CancellationToken ct)
    {
        var graph = await service.GetExecutionLineageAsync(executionId, ct);
        return graph.Executions.Count == 0
            ? throw CairnException.NotFound($"Execution {executionId} does not exist.")
            : TypedResults.Json(PipelinesMapping.ToDto(graph), Json.LineageResponse);
    }
}
