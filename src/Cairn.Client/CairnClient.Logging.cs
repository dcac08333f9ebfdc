using Cairn.Client.Internal;
using Cairn.Contracts.Mlflow;
using Cairn.Contracts.Mlflow.Tracking;

namespace Cairn.Client;

public sealed partial class CairnClient
{
    /// <summary>Logs a param. Params are immutable: logging a different value for a key fails with <c>INVALID_PARAMETER_VALUE</c>.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="key">The param key.</param>
    /// <param name="value">The param value (at most 6000 characters).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task LogParamAsync(string runId, string key, string value, CancellationToken cancellationToken = default) =>
        SendJsonNoResultAsync(HttpMethod.Post, "runs/log-parameter", new LogParamRequest { RunId = runId, RunUuid = runId, Key = key, Value = value }, Json.LogParamRequest, cancellationToken);

    /// <summary>Logs one metric point right away (an <see cref="ActiveRun"/> batches them instead).</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="key">The metric key.</param>
    /// <param name="value">The value; NaN and ±Infinity are allowed.</param>
    /// <param name="step">The step (0 by default).</param>
    /// <param name="timestamp">Unix milliseconds; null for now.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task LogMetricAsync(string runId, string key, double value, long step = 0, long? timestamp = null, CancellationToken cancellationToken = default) =>
        SendJsonNoResultAsync(
            HttpMethod.Post,
            "runs/log-metric",
            new LogMetricRequest { RunId = runId, RunUuid = runId, Key = key, Value = value, Step = step, Timestamp = timestamp ?? NowMs() },
            Json.LogMetricRequest,
            cancellationToken);

    /// <summary>Sets (or overwrites) a run tag; <c>mlflow.runName</c> renames the run.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="key">The tag key.</param>
    /// <param name="value">The tag value.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task SetTagAsync(string runId, string key, string value, CancellationToken cancellationToken = default) =>
        SendJsonNoResultAsync(HttpMethod.Post, "runs/set-tag", new SetTagRequest { RunId = runId, RunUuid = runId, Key = key, Value = value }, Json.SetTagRequest, cancellationToken);

    /// <summary>Deletes a run tag.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="key">The tag key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DeleteTagAsync(string runId, string key, CancellationToken cancellationToken = default) =>
        SendJsonNoResultAsync(HttpMethod.Post, "runs/delete-tag", new DeleteTagRequest { RunId = runId, Key = key }, Json.DeleteTagRequest, cancellationToken);

    /// <summary>
    /// Logs metrics, params and tags, split into as many <c>log-batch</c> requests as MLflow's limits need
    /// (see <see cref="MlflowLimits"/>). Each request is atomic on the server; the whole call is not.
    /// </summary>
    /// <param name="runId">The run id.</param>
    /// <param name="metrics">Metric points (a missing timestamp is set to now, a missing step to 0), or null.</param>
    /// <param name="parameters">Params, or null.</param>
    /// <param name="tags">Tags, or null.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task LogBatchAsync(
        string runId, IReadOnlyList<MetricDto>? metrics = null, IReadOnlyList<KeyValueDto>? parameters = null, IReadOnlyList<KeyValueDto>? tags = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var now = NowMs();
        var stamped = (metrics ?? []).Select(m => m.Timestamp is null || m.Step is null ? m with { Timestamp = m.Timestamp ?? now, Step = m.Step ?? 0 } : m).ToList();
        foreach (var request in LogBatchSplitter.Split(runId, stamped, parameters ?? [], tags ?? []))
        {
            await SendJsonNoResultAsync(HttpMethod.Post, "runs/log-batch", request, Json.LogBatchRequest, cancellationToken);
        }
    }

    /// <summary>Logs params given as a dictionary (one or more <c>log-batch</c> requests).</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="parameters">The params.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public Task LogParamsAsync(string runId, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default) =>
        LogBatchAsync(runId, parameters: ToKeyValues(parameters) ?? [], cancellationToken: cancellationToken);

    /// <summary>Sets tags given as a dictionary (one or more <c>log-batch</c> requests).</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="tags">The tags.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public Task SetTagsAsync(string runId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken = default) =>
        LogBatchAsync(runId, tags: ToKeyValues(tags) ?? [], cancellationToken: cancellationToken);

    /// <summary>Records datasets (and models) a run used as inputs.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="datasets">Dataset inputs, or null.</param>
    /// <param name="models">Model inputs, or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task LogInputsAsync(string runId, IReadOnlyList<DatasetInputDto>? datasets, IReadOnlyList<ModelInputDto>? models = null, CancellationToken cancellationToken = default) =>
        SendJsonNoResultAsync(HttpMethod.Post, "runs/log-inputs", new LogInputsRequest { RunId = runId, Datasets = datasets, Models = models }, Json.LogInputsRequest, cancellationToken);
}
