namespace Cairn.Core.Pipelines;

/// <summary>A named pipeline; its versions are the distinct spec texts submitted under the name.</summary>
public sealed record PipelineInfo(long Id, string Name, long CreatedTime, long LastRunTime, int VersionCount);

/// <summary>One immutable spec text of a pipeline, identified by its SHA-256.</summary>
public sealed record PipelineVersionInfo(long Id, long PipelineId, string PipelineName, string SpecHash, string SpecText, long CreatedTime);

/// <summary>What a new run records: the spec version it runs, its resolved params and how it was triggered.</summary>
public sealed record NewPipelineRun(long PipelineVersionId, IReadOnlyDictionary<string, string> Params, string Trigger, bool NoCache);

/// <summary>One run of a pipeline version.</summary>
public sealed record PipelineRunInfo(
    string RunId,
    string PipelineName,
    long PipelineVersionId,
    string SpecHash,
    IReadOnlyDictionary<string, string> Params,
    string Trigger,
    bool NoCache,
    PipelineRunStatus Status,
    long CreatedTime,
    long? EndTime,
    string? Error,
    string? TrackingRunId);

/// <summary>One attempt of one step of a run, with its artifacts (by slot) when it has them.</summary>
public sealed record ExecutionInfo(
    long Id,
    string RunId,
    string StepId,
    int Attempt,
    ExecutionState State,
    string? CacheKey,
    string? Worker,
    long CreatedTime,
    long? StartTime,
    long? EndTime,
    string? Error,
    string? Log,
    long? CachedFromExecutionId,
    IReadOnlyList<ArtifactSlot> Inputs,
    IReadOnlyList<ArtifactSlot> Outputs)
{
    /// <summary>Metrics the step reported (a CACHED execution carries those of the execution it reused).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
}

/// <summary>An artifact bound to an execution's input or output slot.</summary>
public sealed record ArtifactSlot(string Slot, LineageArtifact Artifact);

/// <summary>An artifact of the lineage graph (dataset, model, file, report, ...).</summary>
public sealed record LineageArtifact(long Id, string Type, string Uri, string ContentHash, string? PropertiesJson, long CreatedTime);

/// <summary>An artifact that a successful execution publishes.</summary>
public sealed record NewLineageArtifact(string Slot, string Type, string Uri, string ContentHash, string? PropertiesJson);

/// <summary>Direction of an event between an execution and an artifact.</summary>
public enum LineageEventKind
{
    Input = 0,
    Output = 1,
}

/// <summary>An edge of the lineage graph.</summary>
public sealed record LineageEvent(long ExecutionId, long ArtifactId, LineageEventKind Kind, string Slot);

/// <summary>An execution node of the lineage graph.</summary>
public sealed record LineageExecution(long Id, string RunId, string StepId, int Attempt, ExecutionState State);

/// <summary>The part of the lineage graph connected to a starting node: upstream and downstream.</summary>
public sealed record LineageGraph(IReadOnlyList<LineageArtifact> Artifacts, IReadOnlyList<LineageExecution> Executions, IReadOnlyList<LineageEvent> Events);

/// <summary>A pipeline version without its spec text (for listing versions): how many runs used it and when it last ran.</summary>
public sealed record PipelineVersionSummary(long Id, string SpecHash, long CreatedTime, int RunCount, long? LastRunTime);
