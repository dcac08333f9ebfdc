using Cairn.Contracts.Native.Pipelines;

namespace Cairn.Client;

public sealed partial class CairnClient
{
    private static PipelineTriggersJsonContext TriggersJson => PipelineTriggersJsonContext.Default;

    /// <summary>
    /// Applies a pipeline: the server validates the spec, keeps it (with its file name, working directory and
    /// params) and from then on its <c>triggers:</c> start runs of it. Applying again replaces the spec; a
    /// trigger whose definition did not change keeps its state.
    /// </summary>
    /// <param name="spec">The pipeline's YAML text.</param>
    /// <param name="fileName">The file name used in validation messages (<c>file:line:column reason</c>).</param>
    /// <param name="parameters">Overrides of the spec's declared params for every triggered run.</param>
    /// <param name="workingDirectory">The spec file's directory (absolute), for steps that read relative paths.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The applied pipeline and its triggers.</returns>
    /// <exception cref="CairnApiException">INVALID_PARAMETER_VALUE with every problem of an invalid spec in the message.</exception>
    public async Task<AppliedPipelineDto> ApplyPipelineAsync(
        string spec, string? fileName = null, IReadOnlyDictionary<string, string>? parameters = null, string? workingDirectory = null, CancellationToken cancellationToken = default)
    {
        var body = new ApplyPipelineRequest(spec, fileName, workingDirectory, parameters?.ToDictionary());
        // Applying is idempotent (same spec, same state), so a retry is harmless.
        var response = await SendNativeAsync(HttpMethod.Post, PipelinesApi, body, TriggersJson.ApplyPipelineRequest, TriggersJson.AppliedPipelineResponse, canRetry: true, cancellationToken);
        return response.Pipeline;
    }

    /// <summary>An applied pipeline's triggers: kind, description, last evaluation and fire, last run, next cron time, cool-down and last reason.</summary>
    /// <param name="pipelineName">The pipeline's name (its spec's <c>name</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="CairnApiException">RESOURCE_DOES_NOT_EXIST when the pipeline was never applied.</exception>
    public async Task<AppliedPipelineDto> GetPipelineTriggersAsync(string pipelineName, CancellationToken cancellationToken = default) =>
        (await GetNativeAsync($"{PipelinesApi}/{Uri.EscapeDataString(pipelineName)}/triggers", TriggersJson.AppliedPipelineResponse, cancellationToken)).Pipeline;
}
