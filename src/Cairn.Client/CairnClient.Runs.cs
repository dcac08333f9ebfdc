using System.Reflection;
using Cairn.Client.Internal;
using Cairn.Contracts.Mlflow.Tracking;
using Cairn.Core.Tracking;

namespace Cairn.Client;

public sealed partial class CairnClient
{
    /// <summary>
    /// Starts a run in the experiment named <paramref name="experimentName"/> (created when missing) and returns it
    /// as an <see cref="ActiveRun"/> that buffers metrics. Disposing the run flushes them and ends it FINISHED.
    /// </summary>
    /// <param name="experimentName">The experiment name.</param>
    /// <param name="runName">The run name; null lets the server generate one.</param>
    /// <param name="tags">Extra run tags, or null. <c>mlflow.user</c>, <c>mlflow.source.name</c> and <c>mlflow.source.type</c> are added unless given.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<ActiveRun> StartRunAsync(
        string experimentName, string? runName = null, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default)
    {
        var experiment = await GetOrCreateExperimentAsync(experimentName, cancellationToken);
        return await StartRunInExperimentAsync(experiment.ExperimentId, runName, tags, cancellationToken);
    }

    /// <summary>Starts a run in the experiment with id <paramref name="experimentId"/>; see <see cref="StartRunAsync"/>.</summary>
    /// <param name="experimentId">The experiment id.</param>
    /// <param name="runName">The run name; null lets the server generate one.</param>
    /// <param name="tags">Extra run tags, or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<ActiveRun> StartRunInExperimentAsync(
        string experimentId, string? runName = null, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default)
    {
        var allTags = new Dictionary<string, string>(tags ?? new Dictionary<string, string>());
        allTags.TryAdd("mlflow.user", UserId);
        allTags.TryAdd("mlflow.source.name", Assembly.GetEntryAssembly()?.GetName().Name ?? "cairn-client");
        allTags.TryAdd("mlflow.source.type", "LOCAL");
        var run = await CreateRunAsync(experimentId, runName, allTags, cancellationToken);
        return new ActiveRun(this, run.Info);
    }

    /// <summary>Creates a run (status RUNNING, start time now) and returns it. Prefer <see cref="StartRunAsync"/> for logging.</summary>
    /// <param name="experimentId">The experiment id.</param>
    /// <param name="runName">The run name; null lets the server generate one.</param>
    /// <param name="tags">Run tags, or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<RunDto> CreateRunAsync(
        string experimentId, string? runName = null, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(experimentId);
        var request = new CreateRunRequest
        {
            ExperimentId = experimentId,
            UserId = UserId,
            RunName = runName,
            StartTime = NowMs(),
            Tags = ToKeyValues(tags),
        };
        var response = await SendJsonAsync(HttpMethod.Post, "runs/create", request, Json.CreateRunRequest, Json.RunResponse, cancellationToken);
        return response.Run;
    }

    /// <summary>Gets a run: its info, params, latest metric values and tags, inputs and outputs.</summary>
    /// <param name="runId">The run id (32 hex characters).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="CairnApiException"><c>RESOURCE_DOES_NOT_EXIST</c> when there is no such run.</exception>
    public async Task<RunDto> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var response = await GetAsync("runs/get", new QueryString().Add("run_id", runId), Json.RunResponse, cancellationToken);
        return response.Run;
    }

    /// <summary>Updates a run's status, end time or name; null leaves a field as it is.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="status">The new status, or null.</param>
    /// <param name="endTime">The end time in Unix milliseconds, or null.</param>
    /// <param name="runName">The new name, or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<RunInfoDto> UpdateRunAsync(
        string runId, RunStatus? status = null, long? endTime = null, string? runName = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var request = new UpdateRunRequest { RunId = runId, RunUuid = runId, Status = status is { } s ? ToWire(s) : null, EndTime = endTime, RunName = runName };
        var response = await SendJsonAsync(HttpMethod.Post, "runs/update", request, Json.UpdateRunRequest, Json.UpdateRunResponse, cancellationToken);
        return response.RunInfo;
    }

    /// <summary>Ends a run: sets its status (FINISHED by default) and its end time to now.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="status">The final status: FINISHED, FAILED or KILLED.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<RunInfoDto> EndRunAsync(string runId, RunStatus status = RunStatus.Finished, CancellationToken cancellationToken = default) =>
        UpdateRunAsync(runId, status, NowMs(), cancellationToken: cancellationToken);

    /// <summary>Soft-deletes a run.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DeleteRunAsync(string runId, CancellationToken cancellationToken = default) =>
        SendJsonNoResultAsync(HttpMethod.Post, "runs/delete", new RunIdRequest { RunId = runId }, Json.RunIdRequest, cancellationToken);

    /// <summary>Restores a soft-deleted run.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task RestoreRunAsync(string runId, CancellationToken cancellationToken = default) =>
        SendJsonNoResultAsync(HttpMethod.Post, "runs/restore", new RunIdRequest { RunId = runId }, Json.RunIdRequest, cancellationToken);

    private string UserId => Options.UserId ?? Environment.UserName;

    /// <summary>MLflow spells statuses in upper case on the wire.</summary>
    internal static string ToWire(RunStatus status) => status switch
    {
        RunStatus.Running => "RUNNING",
        RunStatus.Scheduled => "SCHEDULED",
        RunStatus.Finished => "FINISHED",
        RunStatus.Failed => "FAILED",
        RunStatus.Killed => "KILLED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown run status."),
    };
}
