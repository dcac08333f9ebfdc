using System.Text;
using Cairn.Core;
using Cairn.Core.Artifacts;
using Cairn.Core.Errors;
using Cairn.Core.Pipelines;
using Cairn.Core.Tracking;
using Cairn.Tracking;

namespace Cairn.Pipelines.Tracking;

/// <summary>
/// Mirrors a pipeline run into an MLflow tracked run (experiment <c>pipeline:&lt;name&gt;</c>): params and
/// identifying tags at start, each step's state tag, metrics and small outputs as it finishes, and the
/// final status. The pipeline store stays the source of truth; the tracked run is a view MLflow clients read.
/// </summary>
public sealed partial class PipelineRunTracker(TrackingService tracking, IPipelineStore store, IArtifactStore artifacts, TimeProvider time)
{
    public const string ExperimentPrefix = "pipeline:";
    public const string PipelineTag = "cairn.pipeline";
    public const string PipelineRunTag = "cairn.pipeline_run";
    public const string PipelineVersionTag = "cairn.pipeline_version";
    public const string StepTagPrefix = "cairn.step.";
    public const string SpecArtifact = "pipeline.yaml";

    // MLflow's per-request limits are 100 params/tags and 1000 metrics; 100 items per batch stays under all of them.
    private const int BatchSize = 100;

    public static string ExperimentName(string pipelineName) => ExperimentPrefix + pipelineName;

    /// <summary>
    /// Returns the run's tracked run id, creating it the first time. A run that already has one (a resumed run)
    /// keeps it; a tracked run left by a crash before it was linked is found by its <c>cairn.pipeline_run</c> tag.
    /// </summary>
    public async Task<string> EnsureStartedAsync(PipelineRunInfo run, CancellationToken cancellationToken)
    {
        if (run.TrackingRunId is { } existing)
        {
            return existing;
        }

        var experimentId = await EnsureExperimentAsync(run.PipelineName, cancellationToken);
        var orphan = await tracking.SearchRunsAsync([experimentId], $"tags.`{PipelineRunTag}` = '{run.RunId}'", null, "ALL", 1, null, cancellationToken);
        var trackedId = orphan.Items.FirstOrDefault()?.Info.RunId ?? await CreateAsync(run, experimentId, cancellationToken);
        return await store.SetTrackingRunIdAsync(run.RunId, trackedId, cancellationToken);
    }

    private async Task<string> CreateAsync(PipelineRunInfo run, string experimentId, CancellationToken cancellationToken)
    {
        var shortId = run.RunId.Length > 8 ? run.RunId[..8] : run.RunId;
        var created = await tracking.CreateRunAsync(new NewRun
        {
            ExperimentId = experimentId,
            RunName = $"{run.PipelineName}-{shortId}",
            StartTime = run.CreatedTime,
            Tags =
            [
                new KeyValue(PipelineTag, run.PipelineName),
                new KeyValue(PipelineRunTag, run.RunId),
                new KeyValue(PipelineVersionTag, run.SpecHash),
                new KeyValue("mlflow.source.type", "PIPELINE"),
                new KeyValue("mlflow.source.name", run.PipelineName),
                new KeyValue("cairn.trigger", run.Trigger),
                new KeyValue("cairn.no_cache", run.NoCache ? "true" : "false"),
            ],
        }, cancellationToken);
        var trackedId = created.Info.RunId;
        foreach (var chunk in run.Params.Where(p => !p.Key.StartsWith("cairn.", StringComparison.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal).Chunk(BatchSize))
        {
            await tracking.LogBatchAsync(new LogBatch(trackedId, [], chunk.Select(p => new KeyValue(p.Key, p.Value)).ToList(), []), cancellationToken);
        }

        if (await store.GetVersionAsync(run.PipelineVersionId, cancellationToken) is { } version)
        {
            using var spec = new MemoryStream(Encoding.UTF8.GetBytes(version.SpecText));
            await artifacts.PutAsync(ArtifactPath.Combine(ArtifactUri.RunPath(experimentId, trackedId), SpecArtifact), spec, cancellationToken);
        }

        return trackedId;
    }

    private async Task<string> EnsureExperimentAsync(string pipelineName, CancellationToken cancellationToken)
    {
        var name = ExperimentName(pipelineName);
        try
        {
            return (await tracking.Store.GetExperimentByNameAsync(name, cancellationToken)).ExperimentId;
        }
        catch (CairnException e) when (e.Code == ErrorCode.ResourceDoesNotExist)
        {
            try
            {
                return await tracking.CreateExperimentAsync(name, null, [new KeyValue(PipelineTag, pipelineName)], cancellationToken);
            }
            catch (CairnException created) when (created.Code == ErrorCode.ResourceAlreadyExists)
            {
                // Two runs of a new pipeline raced to create it: use the winner's.
                return (await tracking.Store.GetExperimentByNameAsync(name, cancellationToken)).ExperimentId;
            }
        }
    }

    /// <summary>
    /// Sets the tracked run's final status (FINISHED, FAILED or KILLED), end time and error. Called just before
    /// the pipeline run is finished in the store, so whoever sees the pipeline run finished sees its tracked run finished too.
    /// </summary>
    /// <param name="run">The pipeline run (its tracked run id).</param>
    /// <param name="status">The pipeline run's final status.</param>
    /// <param name="error">Why it failed or was canceled, logged as the <c>cairn.error</c> tag.</param>
    /// <param name="endTime">The end time to record; now when null.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    public async Task MarkFinishedAsync(PipelineRunInfo run, PipelineRunStatus status, string? error, long? endTime, CancellationToken cancellationToken)
    {
        if (run.TrackingRunId is not { } trackedId || status == PipelineRunStatus.Running)
        {
            return;
        }

        if (error is { Length: > 0 })
        {
            await tracking.LogBatchAsync(new LogBatch(trackedId, [], [], [new KeyValue("cairn.error", Truncate(error, 5000))]), cancellationToken);
        }

        var tracked = status switch
        {
            PipelineRunStatus.Complete => RunStatus.Finished,
            PipelineRunStatus.Failed => RunStatus.Failed,
            _ => RunStatus.Killed,
        };
        await tracking.UpdateRunAsync(new RunUpdate(trackedId, tracked, endTime ?? time.GetUtcNow().ToUnixTimeMilliseconds(), null), cancellationToken);
    }

    /// <summary>Copies the status the pipeline run actually finished with (when another finisher won the race).</summary>
    public async Task SyncFinishedAsync(string runId, CancellationToken cancellationToken)
    {
        if (await store.GetRunAsync(runId, cancellationToken) is { } run && run.Status.IsFinished())
        {
            await MarkFinishedAsync(run, run.Status, run.Error, run.EndTime, cancellationToken);
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
