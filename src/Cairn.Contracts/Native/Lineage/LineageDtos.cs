namespace Cairn.Contracts.Native.Lineage;

/// <summary>
/// GET /api/v1/lineage/models/{name}/versions/{version|alias}: a registered model version, the pipeline
/// run that produced it, that run's step executions (with their input and output artifacts) and the
/// dataset versions it was trained on. <see cref="PipelineRun"/> is absent (with a <see cref="Note"/>)
/// for a version registered outside a pipeline.
/// </summary>
public sealed record ModelLineageResponse(
    ModelVersionNodeDto ModelVersion,
    PipelineRunNodeDto? PipelineRun,
    List<DatasetVersionNodeDto> DatasetVersions,
    string? Note);

public sealed record ModelVersionNodeDto(
    string Name,
    string Version,
    string? Source,
    string? RunId,
    string? Status,
    long CreationTimestamp,
    List<string> Aliases,
    Dictionary<string, string> Tags);

public sealed record PipelineRunNodeDto(
    string RunId,
    string PipelineName,
    string SpecHash,
    string Status,
    Dictionary<string, string> Params,
    string? TrackingRunId,
    long CreatedTime,
    long? EndTime,
    string? Error,
    List<ExecutionNodeDto> Executions);

/// <summary>One step attempt, in plan order; <see cref="CacheHit"/> when it reused an earlier execution's outputs.</summary>
public sealed record ExecutionNodeDto(
    long Id,
    string StepId,
    string? StepKind,
    int Attempt,
    string State,
    bool CacheHit,
    long? CachedFromExecutionId,
    string? Error,
    Dictionary<string, double> Metrics,
    List<ArtifactNodeDto> Inputs,
    List<ArtifactNodeDto> Outputs);

/// <summary>An input or output artifact; <see cref="FromStep"/> names the step of this run that produced an input.</summary>
public sealed record ArtifactNodeDto(
    long Id,
    string Slot,
    string Type,
    string Uri,
    string ContentHash,
    string? FromStep,
    List<string> DatasetVersions);

/// <summary>A dataset version the model derives from; name, rows and source are absent when the version is not in the dataset store.</summary>
public sealed record DatasetVersionNodeDto(
    string Version,
    string? Name,
    long? RowCount,
    string? Format,
    string? Source,
    long? ArtifactId);
