namespace Cairn.Contracts.Native.Pipelines;

/// <summary>
/// POST /api/v1/pipelines/runs: a spec's YAML text, param overrides and options. <c>working_directory</c>
/// (absolute) is the spec file's directory, against which steps resolve relative paths (local mode).
/// </summary>
public sealed record SubmitPipelineRunRequest(string? Spec, string? FileName, Dictionary<string, string>? Params, bool NoCache, string? WorkingDirectory = null);

public sealed record SubmitPipelineRunResponse(string RunId, string PipelineName);

public sealed record PipelineDto(string Name, long CreatedTime, long LastRunTime, int VersionCount);

public sealed record ListPipelinesResponse(List<PipelineDto> Pipelines);

public sealed record PipelineRunDto(
    string RunId,
    string PipelineName,
    string SpecHash,
    Dictionary<string, string> Params,
    string Trigger,
    bool NoCache,
    string Status,
    long CreatedTime,
    long? EndTime,
    string? Error,
    string? TrackingRunId);

public sealed record ListPipelineRunsResponse(List<PipelineRunDto> Runs);

public sealed record LineageArtifactDto(long Id, string Type, string Uri, string ContentHash, string? PropertiesJson, long CreatedTime);

public sealed record ArtifactSlotDto(string Slot, LineageArtifactDto Artifact);

public sealed record ExecutionDto(
    long Id,
    string StepId,
    int Attempt,
    string State,
    string? CacheKey,
    string? Worker,
    long? StartTime,
    long? EndTime,
    string? Error,
    string? Log,
    long? CachedFromExecutionId,
    List<ArtifactSlotDto> Inputs,
    List<ArtifactSlotDto> Outputs);

/// <summary>A run, its steps in plan order, and every execution (attempt) of them.</summary>
public sealed record GetPipelineRunResponse(PipelineRunDto Run, List<string> StepOrder, List<ExecutionDto> Executions);

public sealed record LineageExecutionDto(long Id, string RunId, string StepId, int Attempt, string State);

public sealed record LineageEventDto(long ExecutionId, long ArtifactId, string Kind, string Slot);

public sealed record LineageResponse(List<LineageArtifactDto> Artifacts, List<LineageExecutionDto> Executions, List<LineageEventDto> Events);

/// <summary>One problem of an invalid spec.</summary>
public sealed record SpecProblemDto(string File, int Line, int Column, string Reason);

/// <summary>The error body of an invalid spec: the usual code and message plus every problem.</summary>
public sealed record PipelineValidationErrorResponse(string ErrorCode, string Message, List<SpecProblemDto> Problems);
