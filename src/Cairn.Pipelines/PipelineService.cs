using Cairn.Core.Errors;
using Cairn.Core.Pipelines;
using Cairn.Pipelines.Engine;
using Cairn.Pipelines.Spec;

namespace Cairn.Pipelines;

/// <summary>
/// A run submission: the spec text (and the file name used in error messages), param overrides and options.
/// <paramref name="WorkingDirectory"/> is the spec file's directory; it is kept in the run's params under
/// the reserved key <c>cairn.working_directory</c>, where steps resolve relative paths against it.
/// </summary>
public sealed record PipelineSubmission(string SpecText, string FileName, IReadOnlyDictionary<string, string> Params, bool NoCache, string Trigger = "manual", string? WorkingDirectory = null);

/// <summary>A run with its step executions.</summary>
public sealed record PipelineRunDetails(PipelineRunInfo Run, IReadOnlyList<ExecutionInfo> Executions, IReadOnlyList<string> StepOrder)
{
    /// <summary>Each step's kind (its <c>uses</c>), by step id.</summary>
    public IReadOnlyDictionary<string, string> StepKinds { get; init; } = new Dictionary<string, string>();

    /// <summary>Each step's upstream steps (its <c>needs</c>), by step id: the edges of the run's DAG.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> StepNeeds { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}

/// <summary>The pipelines use cases behind the API: submit (validated first), inspect, cancel, lineage.</summary>
public sealed class PipelineService(
    IPipelineStore store,
    PipelineCompiler compiler,
    PipelineCoordinator coordinator,
    PipelineDefinitions definitions,
    RunCancellations cancellations)
{
    private readonly IPipelineStore _store = store;
    private readonly PipelineCompiler _compiler = compiler;
    private readonly PipelineCoordinator _coordinator = coordinator;
    private readonly PipelineDefinitions _definitions = definitions;
    private readonly RunCancellations _cancellations = cancellations;

    /// <summary>Checks a spec without running it.</summary>
    public CompileResult Validate(PipelineSubmission submission) =>
        _compiler.Compile(submission.SpecText, submission.FileName, submission.Params);

    /// <summary>Validates the spec (nothing is recorded when it is invalid), records the run and starts its first steps.</summary>
    public async Task<PipelineRunInfo> SubmitAsync(PipelineSubmission submission, CancellationToken cancellationToken)
    {
        var pipeline = _compiler.CompileOrThrow(submission.SpecText, submission.FileName, submission.Params);
        var version = await _store.GetOrCreateVersionAsync(pipeline.Spec.Name, PipelineCompiler.Hash(submission.SpecText), submission.SpecText, cancellationToken);
        var parameters = submission.WorkingDirectory is { Length: > 0 } directory
            ? new Dictionary<string, string>(pipeline.Params) { [Steps.Ml.DataImportStep.WorkingDirectoryParam] = directory }
            : pipeline.Params;
        var run = await _store.CreateRunAsync(new NewPipelineRun(version.Id, parameters, submission.Trigger, submission.NoCache), cancellationToken);
        await _coordinator.AdvanceAsync(run.RunId, recover: false, cancellationToken);
        return run;
    }

    public async Task<PipelineRunDetails> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await _store.GetRunAsync(runId, cancellationToken) ?? throw RunNotFound(runId);
        var executions = await _store.ListExecutionsAsync(runId, cancellationToken);
        var pipeline = await _definitions.GetAsync(run, cancellationToken);
        return new PipelineRunDetails(run, executions, pipeline.Plan.Order)
        {
            StepKinds = pipeline.Plan.Order.ToDictionary(id => id, id => pipeline.Plan.Step(id).Uses, StringComparer.Ordinal),
            StepNeeds = pipeline.Plan.Order.ToDictionary(id => id, pipeline.Plan.Upstream, StringComparer.Ordinal),
        };
    }

    public Task<IReadOnlyList<PipelineInfo>> ListPipelinesAsync(CancellationToken cancellationToken) => _store.ListPipelinesAsync(cancellationToken);

    public async Task<IReadOnlyList<PipelineRunInfo>> ListRunsAsync(string pipelineName, int maxResults, CancellationToken cancellationToken)
    {
        if (maxResults is < 1 or > 1000)
        {
            throw CairnException.InvalidParameter($"Invalid value {maxResults} for parameter 'max_results': it must be between 1 and 1000.");
        }

        var pipelines = await _store.ListPipelinesAsync(cancellationToken);
        return pipelines.Any(p => p.Name == pipelineName)
            ? await _store.ListRunsAsync(pipelineName, maxResults, cancellationToken)
            : throw CairnException.NotFound($"Pipeline '{pipelineName}' does not exist.");
    }

    /// <summary>Versions of a pipeline, newest first (without spec texts).</summary>
    public async Task<IReadOnlyList<PipelineVersionSummary>> ListVersionsAsync(string pipelineName, CancellationToken cancellationToken)
    {
        var versions = await _store.ListVersionsAsync(pipelineName, cancellationToken);
        return versions.Count > 0 ? versions : throw CairnException.NotFound($"Pipeline '{pipelineName}' does not exist.");
    }

    /// <summary>One version with its spec text.</summary>
    public async Task<PipelineVersionInfo> GetVersionAsync(long versionId, CancellationToken cancellationToken) =>
        await _store.GetVersionAsync(versionId, cancellationToken) ?? throw CairnException.NotFound($"Pipeline version {versionId} does not exist.");

    /// <summary>One execution (e.g. the one a CACHED step reused), or null.</summary>
    public Task<ExecutionInfo?> GetExecutionAsync(long executionId, CancellationToken cancellationToken) => _store.GetExecutionAsync(executionId, cancellationToken);

    /// <summary>The newest run of each pipeline.</summary>
    public Task<IReadOnlyList<PipelineRunInfo>> ListLatestRunsAsync(CancellationToken cancellationToken) => _store.ListLatestRunsAsync(cancellationToken);

    /// <summary>Cancels a running run: no new step starts, queued ones are dropped, running ones get their token cancelled.</summary>
    public async Task<PipelineRunDetails> CancelAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await _store.GetRunAsync(runId, cancellationToken) ?? throw RunNotFound(runId);
        var pipeline = await _definitions.GetAsync(run, cancellationToken);
        var executions = await _store.ListExecutionsAsync(runId, cancellationToken);
        var latest = executions.GroupBy(e => e.StepId).ToDictionary(g => g.Key, g => g.MaxBy(e => e.Attempt)!);
        if (await _coordinator.FinishAsync(run, PipelineRunStatus.Canceled, "canceled by request",
                PipelineCoordinator.NotStarted(pipeline, latest), "not run: the run was canceled", cancellationToken))
        {
            _cancellations.Cancel(runId);
            foreach (var queued in executions.Where(e => e.State == ExecutionState.New))
            {
                await _store.EndExecutionAsync(queued.Id, ExecutionState.Canceled, "canceled: the run was canceled", null, cancellationToken);
            }
        }

        return await GetRunAsync(runId, cancellationToken);
    }

    /// <summary>Which pipeline runs (and steps) read or produced a dataset version, newest first.</summary>
    public Task<IReadOnlyList<DatasetVersionUse>> FindDatasetVersionUsesAsync(string datasetVersion, int maxResults, CancellationToken cancellationToken)
    {
        if (maxResults is < 1 or > 1000)
        {
            throw CairnException.InvalidParameter($"Invalid value {maxResults} for parameter 'max_results': it must be between 1 and 1000.");
        }

        return _store.FindDatasetVersionUsesAsync(datasetVersion, maxResults, cancellationToken);
    }

    public Task<LineageGraph> GetArtifactLineageAsync(long artifactId, CancellationToken cancellationToken) =>
        _store.GetArtifactLineageAsync(artifactId, cancellationToken);

    public Task<LineageGraph> GetExecutionLineageAsync(long executionId, CancellationToken cancellationToken) =>
        _store.GetExecutionLineageAsync(executionId, cancellationToken);

    private static CairnException RunNotFound(string runId) => CairnException.NotFound($"Pipeline run '{runId}' does not exist.");
}
