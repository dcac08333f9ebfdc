namespace Cairn.Contracts.Native.Pipelines;

/// <summary>
/// POST /api/v1/pipelines: applies a pipeline, so the server keeps its spec and its triggers start runs of it.
/// <c>working_directory</c> (absolute) is the spec file's directory; <c>params</c> override declared params
/// for every run a trigger starts (a trigger's own <c>params</c> override these).
/// </summary>
public sealed record ApplyPipelineRequest(string? Spec, string? FileName, string? WorkingDirectory, Dictionary<string, string>? Params);

/// <summary>
/// One trigger's definition and state. Times are UTC milliseconds: <c>next_time</c> is a cron trigger's next
/// scheduled time, <c>last_reason</c> says why it last fired or did not.
/// </summary>
public sealed record PipelineTriggerDto(
    int Position,
    string Kind,
    string Description,
    string Definition,
    long? LastEvaluated,
    long? LastFired,
    string? LastRunId,
    long? NextTime,
    long? CooldownUntil,
    string? LastReason,
    long? LastReportId,
    int Streak,
    string? LastDatasetVersion);

/// <summary>An applied pipeline and the state of its triggers.</summary>
public sealed record AppliedPipelineDto(
    string Name,
    string FileName,
    string? WorkingDirectory,
    Dictionary<string, string> Params,
    long AppliedTime,
    List<PipelineTriggerDto> Triggers);

/// <summary>The answer of POST /api/v1/pipelines and GET /api/v1/pipelines/{name}/triggers.</summary>
public sealed record AppliedPipelineResponse(AppliedPipelineDto Pipeline);
