using Cairn.Core.Paging;
using Cairn.Core.Search;
using Cairn.Core.Tracking;

namespace Cairn.Storage.Tracking;

/// <summary>The tracking store on EF Core (SQLite or PostgreSQL).</summary>
public sealed partial class EfTrackingStore(IMetadataContextFactory factory, TimeProvider time) : ITrackingStore
{
    private readonly IMetadataContextFactory _factory = factory;
    private readonly TimeProvider _time = time;
}

public sealed partial class EfTrackingStore
{
    public Task<string> CreateExperimentAsync(string name, string? artifactLocation, IReadOnlyList<Core.KeyValue> tags, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<Experiment> GetExperimentAsync(string experimentId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<Experiment> GetExperimentByNameAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<Page<Experiment>> SearchExperimentsAsync(ExperimentSearchQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task RenameExperimentAsync(string experimentId, string newName, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task SetExperimentLifecycleAsync(string experimentId, string lifecycleStage, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task SetExperimentTagAsync(string experimentId, Core.KeyValue tag, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task DeleteExperimentTagAsync(string experimentId, string key, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<Run> CreateRunAsync(NewRun run, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<RunInfo> UpdateRunAsync(RunUpdate update, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task SetRunLifecycleAsync(string runId, string lifecycleStage, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task LogBatchAsync(LogBatch batch, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task DeleteRunTagAsync(string runId, string key, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> datasets, IReadOnlyList<string> modelIds, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task LogOutputsAsync(string runId, IReadOnlyList<ModelOutput> models, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<Page<Metric>> GetMetricHistoryAsync(string runId, string key, int maxResults, string? pageToken, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<Page<Run>> SearchRunsAsync(RunSearchQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
}
