using System.Text.Json;
using Cairn.Contracts.Native.Pipelines;
using Cairn.Core.Errors;
using Cairn.Pipelines.Triggers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cairn.Server.Native;

/// <summary>Applied pipelines and their triggers: POST /api/v1/pipelines (apply) and GET /api/v1/pipelines/{name}/triggers.</summary>
public static partial class PipelinesApi
{
    /// <summary>Configuration section of the trigger loop: <c>IntervalSeconds</c> (default 5), <c>Enabled</c> (default true).</summary>
    public const string TriggersSection = "Cairn:Triggers";

    private static PipelineTriggersJsonContext TriggersJson => PipelineTriggersJsonContext.Default;

    private static void AddPipelineTriggers(IServiceCollection services)
    {
        services.AddCairnPipelineTriggers();
        services.Replace(ServiceDescriptor.Singleton(sp =>
        {
            var section = sp.GetRequiredService<IConfiguration>().GetSection(TriggersSection);
            var defaults = new TriggerOptions();
            var seconds = section.GetValue<double?>("IntervalSeconds");
            return new TriggerOptions
            {
                Interval = seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : defaults.Interval,
                Enabled = section.GetValue("Enabled", defaults.Enabled),
            };
        }));
    }

    private static void MapPipelineTriggers(RouteGroupBuilder g)
    {
        g.MapPost("", ApplyPipeline);
        g.MapGet("/{name}/triggers", GetTriggers);
    }

    private static async Task<IResult> ApplyPipeline(HttpContext context, TriggerService triggers, CancellationToken ct)
    {
        var request = await JsonSerializer.DeserializeAsync(context.Request.Body, TriggersJson.ApplyPipelineRequest, ct)
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

        var result = await triggers.ApplyAsync(
            new PipelineApplication(request.Spec, fileName, request.WorkingDirectory is { Length: > 0 } ? request.WorkingDirectory : null, request.Params ?? []), ct);
        if (result.Pipeline is null)
        {
            var message = Cairn.Pipelines.Spec.PipelineCompiler.Invalid(result.Problems).Message;
            var problems = result.Problems.Select(p => new SpecProblemDto(p.File, p.Line, p.Column, p.Reason)).ToList();
            return TypedResults.Json(new PipelineValidationErrorResponse(ErrorCode.InvalidParameterValue, message, problems),
                Json.PipelineValidationErrorResponse, statusCode: StatusCodes.Status400BadRequest);
        }

        var (pipeline, views) = await triggers.GetTriggersAsync(result.Pipeline.Name, ct);
        return TypedResults.Json(new AppliedPipelineResponse(ToDto(pipeline, views)), TriggersJson.AppliedPipelineResponse);
    }

    private static async Task<IResult> GetTriggers(string name, TriggerService triggers, CancellationToken ct)
    {
        var (pipeline, views) = await triggers.GetTriggersAsync(name, ct);
        return TypedResults.Json(new AppliedPipelineResponse(ToDto(pipeline, views)), TriggersJson.AppliedPipelineResponse);
    }

    private static AppliedPipelineDto ToDto(Core.Pipelines.AppliedPipeline p, IReadOnlyList<TriggerView> views) => new(
        p.Name,
        p.FileName,
        p.WorkingDirectory,
        p.Params.ToDictionary(),
        p.AppliedTime,
        views.Select(v => new PipelineTriggerDto(
            v.State.Position, v.State.Kind, v.State.Description, v.State.DefinitionJson, v.State.LastEvaluated, v.State.LastFired, v.State.LastRunId,
            v.NextTime, v.State.CooldownUntil, v.State.LastReason, v.State.LastReportId, v.State.Streak, v.State.LastDatasetVersion)).ToList());
}
