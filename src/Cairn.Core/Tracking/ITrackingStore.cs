using Cairn.Core.Paging;
using Cairn.Core.Search;

namespace Cairn.Core.Tracking;

/// <summary>
/// Persistence of experiments and runs. Implementations are atomic per call: a call that throws has
/// written nothing. Unknown ids throw <see cref="Errors.CairnException"/> with RESOURCE_DOES_NOT_EXIST.
/// </summary>
public interface ITrackingStore
{
    Task<string> CreateExperimentAsync(string name, string? artifactLocation, IReadOnlyList<KeyValue> tags, CancellationToken cancellationToken);

    Task<Experiment> GetExperimentAsync(string experimentId, CancellationToken cancellationToken);

    Task<Experiment> GetExperimentByNameAsync(string name, CancellationToken cancellationToken);

    Task<Page<Experiment>> SearchExperimentsAsync(ExperimentSearchQuery query, CancellationToken cancellationToken);

    Task RenameExperimentAsync(string experimentId, string newName, CancellationToken cancellationToken);

    Task SetExperimentLifecycleAsync(string experimentId, string lifecycleStage, CancellationToken cancellationToken);

    Task SetExperimentTagAsync(string experimentId, KeyValue tag, CancellationToken cancellationToken);

    Task DeleteExperimentTagAsync(string experimentId, string key, CancellationToken cancellationToken);

    Task<Run> CreateRunAsync(NewRun run, CancellationToken cancellationToken);

    Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken);

    Task<RunInfo> UpdateRunAsync(RunUpdate update, CancellationToken cancellationToken);

    Task SetRunLifecycleAsync(string runId, string lifecycleStage, CancellationToken cancellationToken);

    Task LogBatchAsync(LogBatch batch, CancellationToken cancellationToken);

    Task DeleteRunTagAsync(string runId, string key, CancellationToken cancellationToken);

    Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> datasets, IReadOnlyList<string> modelIds, CancellationToken cancellationToken);

    Task LogOutputsAsync(string runId, IReadOnlyList<ModelOutput> models, CancellationToken cancellationToken);

    Task<Page<Metric>> GetMetricHistoryAsync(string runId, string key, int maxResults, string? pageToken, CancellationToken cancellationToken);

    Task<Page<Run>> SearchRunsAsync(RunSearchQuery query, CancellationToken cancellationToken);

    /// <summary>Run counts and latest run times of the given experiments (active runs); experiments without runs are left out.</summary>
    Task<IReadOnlyList<ExperimentRunStats>> GetExperimentRunStatsAsync(IReadOnlyList<string> experimentIds, CancellationToken cancellationToken);

    /// <summary>The distinct metric and param keys of an experiment's latest active runs (<see cref="ExperimentRunKeys.RecentRuns"/>), at most <paramref name="maxKeys"/> of each.</summary>
    Task<ExperimentRunKeys> GetExperimentRunKeysAsync(string experimentId, int maxKeys, CancellationToken cancellationToken);
}
