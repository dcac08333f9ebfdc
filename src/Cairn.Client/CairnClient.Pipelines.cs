using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cairn.Contracts.Native.Pipelines;

namespace Cairn.Client;

public sealed partial class CairnClient
{
    private const string PipelinesApi = "api/v1/pipelines";

    private static PipelinesJsonContext PipelinesJson => PipelinesJsonContext.Default;

    /// <summary>Submits a pipeline run. The server validates the spec first and records nothing when it is invalid.</summary>
    /// <param name="spec">The pipeline's YAML text.</param>
    /// <param name="fileName">The file name used in validation messages (<c>file:line:column reason</c>).</param>
    /// <param name="parameters">Overrides of the spec's declared params.</param>
    /// <param name="noCache">Run every step even when a cached result exists.</param>
    /// <param name="workingDirectory">The spec file's directory (absolute): steps resolve relative paths against it when the server can read it.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new run's id and its pipeline's name.</returns>
    /// <exception cref="CairnApiException">INVALID_PARAMETER_VALUE with every problem of an invalid spec in the message.</exception>
    public async Task<SubmitPipelineRunResponse> SubmitPipelineRunAsync(
        string spec, string? fileName = null, IReadOnlyDictionary<string, string>? parameters = null, bool noCache = false, string? workingDirectory = null, CancellationToken cancellationToken = default)
    {
        var body = new SubmitPipelineRunRequest(spec, fileName, parameters?.ToDictionary(), noCache, workingDirectory);
        // Not retried: a submission that reached the server but lost its answer would start a second run.
        return await SendNativeAsync(HttpMethod.Post, $"{PipelinesApi}/runs", body, PipelinesJson.SubmitPipelineRunRequest, PipelinesJson.SubmitPipelineRunResponse, canRetry: false, cancellationToken);
    }

    /// <summary>Gets a pipeline run with its step order and every execution (attempt) of its steps.</summary>
    /// <param name="runId">The pipeline run's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<GetPipelineRunResponse> GetPipelineRunAsync(string runId, CancellationToken cancellationToken = default) =>
        GetNativeAsync($"{PipelinesApi}/runs/{Uri.EscapeDataString(runId)}", PipelinesJson.GetPipelineRunResponse, cancellationToken);

    /// <summary>Cancels a running pipeline run (a finished run is returned unchanged).</summary>
    /// <param name="runId">The pipeline run's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<GetPipelineRunResponse> CancelPipelineRunAsync(string runId, CancellationToken cancellationToken = default) =>
        SendNativeAsync<object?, GetPipelineRunResponse>(HttpMethod.Post, $"{PipelinesApi}/runs/{Uri.EscapeDataString(runId)}/cancel", null, null, PipelinesJson.GetPipelineRunResponse, canRetry: true, cancellationToken);

    /// <summary>Lists every pipeline that has been run.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IReadOnlyList<PipelineDto>> ListPipelinesAsync(CancellationToken cancellationToken = default) =>
        (await GetNativeAsync(PipelinesApi, PipelinesJson.ListPipelinesResponse, cancellationToken)).Pipelines;

    /// <summary>Lists the runs of a pipeline, newest first.</summary>
    /// <param name="pipelineName">The pipeline's name (its spec's <c>name</c>).</param>
    /// <param name="maxResults">At most this many runs (1-1000).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IReadOnlyList<PipelineRunDto>> ListPipelineRunsAsync(string pipelineName, int maxResults = 100, CancellationToken cancellationToken = default) =>
        (await GetNativeAsync($"{PipelinesApi}/{Uri.EscapeDataString(pipelineName)}/runs?max_results={maxResults}", PipelinesJson.ListPipelineRunsResponse, cancellationToken)).Runs;

    /// <summary>The lineage graph around an artifact: the executions and artifacts upstream and downstream of it.</summary>
    /// <param name="artifactId">The lineage artifact's id (from an execution's inputs or outputs).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<LineageResponse> GetArtifactLineageAsync(long artifactId, CancellationToken cancellationToken = default) =>
        GetNativeAsync($"{PipelinesApi}/artifacts/{artifactId}/lineage", PipelinesJson.LineageResponse, cancellationToken);
}
