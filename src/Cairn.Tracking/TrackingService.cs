using Cairn.Core;
using Cairn.Core.Errors;
using Cairn.Core.Paging;
using Cairn.Core.Search;
using Cairn.Core.Tracking;
using Cairn.Tracking.Validation;

namespace Cairn.Tracking;

/// <summary>
/// Experiment tracking: validates every request against MLflow's rules and limits, then calls the
/// store. Protocol-neutral; the MLflow endpoints and later native APIs both go through it.
/// </summary>
public sealed class TrackingService(ITrackingStore store)
{
    public const string RunNameTag = "mlflow.runName";

    public ITrackingStore Store => store;

    public Task<string> CreateExperimentAsync(string? name, string? artifactLocation, IReadOnlyList<KeyValue> tags, CancellationToken cancellationToken)
    {
        TrackingValidator.ValidateExperimentName(name);
        TrackingValidator.ValidateExperimentTags(tags);
        if (artifactLocation is { Length: > 0 } && artifactLocation.Contains("..", StringComparison.Ordinal))
        {
            throw CairnException.InvalidParameter($"Invalid value '{artifactLocation}' for parameter 'artifact_location': '..' is not allowed.");
        }

        return store.CreateExperimentAsync(name!, string.IsNullOrEmpty(artifactLocation) ? null : artifactLocation, tags, cancellationToken);
    }

    public Task RenameExperimentAsync(string experimentId, string? newName, CancellationToken cancellationToken)
    {
        TrackingValidator.ValidateExperimentName(newName, "new_name");
        return store.RenameExperimentAsync(experimentId, newName!, cancellationToken);
    }

    public Task SetExperimentTagAsync(string experimentId, KeyValue tag, CancellationToken cancellationToken)
    {
        TrackingValidator.ValidateExperimentTags([tag]);
        return store.SetExperimentTagAsync(experimentId, tag, cancellationToken);
    }

    public Task<Page<Experiment>> SearchExperimentsAsync(string? filter, IReadOnlyList<string>? orderBy, string? viewType, long? maxResults, string? pageToken, CancellationToken cancellationToken) =>
        store.SearchExperimentsAsync(new ExperimentSearchQuery
        {
            Filter = SearchFilterParser.Parse(filter, SearchContext.Experiments),
            OrderBy = SearchFilterParser.ParseOrderBy(orderBy, SearchContext.Experiments),
            ViewType = ParseViewType(viewType, "view_type"),
            MaxResults = TrackingValidator.ValidateMaxResults(maxResults, 1000, TrackingLimits.MaxSearchResults),
            PageToken = pageToken,
        }, cancellationToken);

    public Task<Run> CreateRunAsync(NewRun run, CancellationToken cancellationToken)
    {
        TrackingValidator.ValidateRunTags(run.Tags);
        var name = run.RunName is { Length: > 0 } given ? given
            : run.Tags.FirstOrDefault(t => t.Key == RunNameTag)?.Value is { Length: > 0 } tagged ? tagged
            : RunNameGenerator.Next();
        if (name.Length > TrackingLimits.MaxRunNameLength)
        {
            throw CairnException.InvalidParameter($"Run name had length {name.Length}, which exceeded length limit of {TrackingLimits.MaxRunNameLength}.");
        }

        return store.CreateRunAsync(run with { RunName = name }, cancellationToken);
    }

    public Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        TrackingValidator.ValidateRunId(runId);
        return store.GetRunAsync(runId, cancellationToken);
    }

    public Task<RunInfo> UpdateRunAsync(RunUpdate update, CancellationToken cancellationToken)
    {
        TrackingValidator.ValidateRunId(update.RunId);
        if (update.RunName is { Length: > TrackingLimits.MaxRunNameLength })
        {
            throw CairnException.InvalidParameter($"Run name had length {update.RunName.Length}, which exceeded length limit of {TrackingLimits.MaxRunNameLength}.");
        }

        return store.UpdateRunAsync(update, cancellationToken);
    }

    public Task SetRunLifecycleAsync(string runId, string lifecycleStage, CancellationToken cancellationToken)
    {
        TrackingValidator.ValidateRunId(runId);
        return store.SetRunLifecycleAsync(runId, lifecycleStage, cancellationToken);
    }

    public Task LogBatchAsync(LogBatch batch, CancellationToken cancellationToken)
    {
        TrackingValidator.ValidateRunId(batch.RunId);
        TrackingValidator.ValidateBatch(batch);
        return store.LogBatchAsync(batch, cancellationToken);
    }

    public Task DeleteRunTagAsync(string runId, string key, CancellationToken cancellationToken)
    {
        TrackingValidator.ValidateRunId(runId);
        return store.DeleteRunTagAsync(runId, key, cancellationToken);
    }

    public Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> datasets, IReadOnlyList<string> modelIds, CancellationToken cancellationToken)
    {
        TrackingValidator.ValidateRunId(runId);
        foreach (var input in datasets)
        {
            TrackingValidator.ValidateRunTags(input.Tags);
        }

        return store.LogInputsAsync(runId, datasets, modelIds, cancellationToken);
    }

    public Task LogOutputsAsync(string runId, IReadOnlyList<ModelOutput> models, CancellationToken cancellationToken)
    {
        TrackingValidator.ValidateRunId(runId);
        return store.LogOutputsAsync(runId, models, cancellationToken);
    }

    public Task<Page<Metric>> GetMetricHistoryAsync(string runId, string key, long? maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        TrackingValidator.ValidateRunId(runId);

        // The 3.11 MLflow server returns nothing when max_results is missing (a bug); treat it as the maximum page.
        var pageSize = TrackingValidator.ValidateMaxResults(maxResults, TrackingLimits.MaxMetricHistoryResults, TrackingLimits.MaxMetricHistoryResults);
        return store.GetMetricHistoryAsync(runId, key, pageSize, pageToken, cancellationToken);
    }

    public Task<Page<Run>> SearchRunsAsync(IReadOnlyList<string>? experimentIds, string? filter, IReadOnlyList<string>? orderBy, string? viewType, long? maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        if (experimentIds is null || experimentIds.Count == 0)
        {
            throw CairnException.InvalidParameter("Missing value for required parameter 'experiment_ids'. Give at least one experiment id.");
        }

        return store.SearchRunsAsync(new RunSearchQuery
        {
            ExperimentIds = experimentIds,
            Filter = SearchFilterParser.Parse(filter, SearchContext.Runs),
            OrderBy = SearchFilterParser.ParseOrderBy(orderBy, SearchContext.Runs),
            ViewType = ParseViewType(viewType, "run_view_type"),
            MaxResults = TrackingValidator.ValidateMaxResults(maxResults, 1000, TrackingLimits.MaxSearchResults),
            PageToken = pageToken,
        }, cancellationToken);
    }

    /// <summary>Run counts and latest run times per experiment (for overviews such as the UI's experiments page).</summary>
    public Task<IReadOnlyList<ExperimentRunStats>> GetExperimentRunStatsAsync(IReadOnlyList<string> experimentIds, CancellationToken cancellationToken) =>
        store.GetExperimentRunStatsAsync(experimentIds, cancellationToken);

    /// <summary>The metric and param keys an experiment's runs use (the columns a runs table can show).</summary>
    public Task<ExperimentRunKeys> GetExperimentRunKeysAsync(string experimentId, int maxKeys, CancellationToken cancellationToken)
    {
        if (maxKeys is < 1 or > TrackingLimits.MaxSearchResults)
        {
            throw CairnException.InvalidParameter($"Invalid value {maxKeys} for parameter 'max_keys': expected 1 to {TrackingLimits.MaxSearchResults}.");
        }

        return store.GetExperimentRunKeysAsync(experimentId, maxKeys, cancellationToken);
    }

    /// <summary>Accepts MLflow's enum names and numbers ("ACTIVE_ONLY" or 1).</summary>
    public static ViewType ParseViewType(string? value, string field) => value?.ToUpperInvariant() switch
    {
        null or "" or "ACTIVE_ONLY" or "1" => ViewType.ActiveOnly,
        "DELETED_ONLY" or "2" => ViewType.DeletedOnly,
        "ALL" or "3" => ViewType.All,
        _ => throw CairnException.InvalidParameter($"Invalid value '{value}' for parameter '{field}': expected ACTIVE_ONLY, DELETED_ONLY or ALL."),
    };

    /// <summary>Accepts MLflow's run status names and numbers ("FINISHED" or 3).</summary>
    public static RunStatus ParseRunStatus(string value) => value.ToUpperInvariant() switch
    {
        "RUNNING" or "1" => RunStatus.Running,
        "SCHEDULED" or "2" => RunStatus.Scheduled,
        "FINISHED" or "3" => RunStatus.Finished,
        "FAILED" or "4" => RunStatus.Failed,
        "KILLED" or "5" => RunStatus.Killed,
        _ => throw CairnException.InvalidParameter($"Invalid value '{value}' for parameter 'status': expected RUNNING, SCHEDULED, FINISHED, FAILED or KILLED."),
    };
}
