namespace Cairn.Core.Pipelines;

/// <summary>
/// Pipelines, runs, step executions and the lineage graph in the metadata store. It is the single
/// source of truth of the orchestrator: every state change is a conditional write here, so duplicate
/// dispatches and restarts cannot run an attempt twice or lose a finished step.
/// </summary>
public interface IPipelineStore
{
    /// <summary>Creates the pipeline and the version for this spec text if new; returns the version.</summary>
    Task<PipelineVersionInfo> GetOrCreateVersionAsync(string pipelineName, string specHash, string specText, CancellationToken cancellationToken);

    Task<PipelineVersionInfo?> GetVersionAsync(long versionId, CancellationToken cancellationToken);

    Task<PipelineRunInfo> CreateRunAsync(NewPipelineRun run, CancellationToken cancellationToken);

    Task<PipelineRunInfo?> GetRunAsync(string runId, CancellationToken cancellationToken);

    Task<IReadOnlyList<PipelineInfo>> ListPipelinesAsync(CancellationToken cancellationToken);

    /// <summary>Runs of a pipeline, newest first.</summary>
    Task<IReadOnlyList<PipelineRunInfo>> ListRunsAsync(string pipelineName, int maxResults, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListUnfinishedRunIdsAsync(CancellationToken cancellationToken);

    /// <summary>Versions of a pipeline, newest first, without their spec texts; empty when the pipeline does not exist.</summary>
    Task<IReadOnlyList<PipelineVersionSummary>> ListVersionsAsync(string pipelineName, CancellationToken cancellationToken);

    /// <summary>The newest run of every pipeline that has one (one query for a list of pipelines).</summary>
    Task<IReadOnlyList<PipelineRunInfo>> ListLatestRunsAsync(CancellationToken cancellationToken);

    /// <summary>Links the run to its tracked (MLflow) run once; returns the linked id (an earlier one wins).</summary>
    Task<string> SetTrackingRunIdAsync(string runId, string trackingRunId, CancellationToken cancellationToken);

    /// <summary>
    /// Finishes a run if it is still running (false when it had already finished) and, in the same
    /// transaction, records a CANCELED execution with <paramref name="notRunReason"/> for each of
    /// <paramref name="notRunSteps"/> that has no execution yet — so nobody sees a finished run
    /// whose skipped steps are not explained yet.
    /// </summary>
    Task<bool> FinishRunAsync(
        string runId, PipelineRunStatus status, string? error, IReadOnlyCollection<string> notRunSteps, string? notRunReason, CancellationToken cancellationToken);

    /// <summary>Executions of a run with their input and output artifacts, ordered by id.</summary>
    Task<IReadOnlyList<ExecutionInfo>> ListExecutionsAsync(string runId, CancellationToken cancellationToken);

    /// <summary>One execution with its input and output artifacts; null when it does not exist.</summary>
    Task<ExecutionInfo?> GetExecutionAsync(long executionId, CancellationToken cancellationToken);

    /// <summary>Creates an execution; returns null when that (run, step, attempt) already exists.</summary>
    Task<ExecutionInfo?> TryCreateExecutionAsync(string runId, string stepId, int attempt, ExecutionState state, string? error, CancellationToken cancellationToken);

    /// <summary>NEW → RUNNING; false when another worker took it or it was canceled.</summary>
    Task<bool> TryStartExecutionAsync(long executionId, string worker, string? cacheKey, CancellationToken cancellationToken);

    /// <summary>RUNNING → COMPLETE with its input events, new output artifacts, log and reported metrics, in one transaction.</summary>
    Task<bool> CompleteExecutionAsync(long executionId, IReadOnlyList<(string Slot, long ArtifactId)> inputs, IReadOnlyList<NewLineageArtifact> outputs, string? log, IReadOnlyDictionary<string, double>? metrics, CancellationToken cancellationToken);

    /// <summary>NEW → CACHED pointing at the outputs (and metrics) of <paramref name="sourceExecutionId"/>, in one transaction.</summary>
    Task<bool> RecordCachedExecutionAsync(long executionId, string cacheKey, long sourceExecutionId, IReadOnlyList<(string Slot, long ArtifactId)> inputs, CancellationToken cancellationToken);

    /// <summary>
    /// RUNNING → FAILED with the reason, input events, log, reported metrics and the outputs the attempt
    /// published for people to read (a validation or evaluation report), in one transaction. Such outputs
    /// are never cache hits (only COMPLETE executions are) and never feed downstream steps.
    /// </summary>
    Task<bool> FailExecutionAsync(long executionId, string error, IReadOnlyList<(string Slot, long ArtifactId)> inputs, IReadOnlyList<NewLineageArtifact> outputs, string? log, IReadOnlyDictionary<string, double>? metrics, CancellationToken cancellationToken);

    /// <summary>NEW or RUNNING → FAILED or CANCELED with the reason; false when already finished.</summary>
    Task<bool> EndExecutionAsync(long executionId, ExecutionState state, string? error, string? log, CancellationToken cancellationToken);

    /// <summary>COMPLETE executions with this cache key (newest first), with their outputs.</summary>
    Task<IReadOnlyList<ExecutionInfo>> FindCompleteByCacheKeyAsync(string cacheKey, CancellationToken cancellationToken);

    /// <summary>
    /// The executions that read or published an artifact naming this dataset version (full hash) in its
    /// <c>dataset_versions</c> or <c>version</c> property, newest first, at most <paramref name="maxResults"/>.
    /// </summary>
    Task<IReadOnlyList<DatasetVersionUse>> FindDatasetVersionUsesAsync(string datasetVersion, int maxResults, CancellationToken cancellationToken);

    /// <summary>Walks the lineage graph both ways from an artifact.</summary>
    Task<LineageGraph> GetArtifactLineageAsync(long artifactId, CancellationToken cancellationToken);

    /// <summary>Walks the lineage graph both ways from an execution.</summary>
    Task<LineageGraph> GetExecutionLineageAsync(long executionId, CancellationToken cancellationToken);
}
