using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Cairn.Contracts.Native.Rollouts;

namespace Cairn.Client;

public sealed partial class CairnClient
{
    private static RolloutsJsonContext RolloutsJson => RolloutsJsonContext.Default;

    // Answers are read leniently so a newer server's extra fields do not break this client.
    private static readonly JsonSerializerOptions RolloutsReadOptions =
        new(RolloutsJsonContext.Default.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    private static JsonTypeInfo<T> RolloutsRead<T>() => (JsonTypeInfo<T>)RolloutsReadOptions.GetTypeInfo(typeof(T));

    /// <summary>
    /// Starts a progressive rollout of a model version on a deployment: the version is added as the live
    /// variant <c>canary</c> at the first step's weight and the server's controller moves it through the steps
    /// while its analyses pass (promote at the end; roll back on failures; pause when the data stays too thin).
    /// </summary>
    /// <param name="deployment">The deployment's name.</param>
    /// <param name="model">The registered model.</param>
    /// <param name="version">The candidate version (READY, inputs compatible with the deployment's).</param>
    /// <param name="policy">Steps and analysis gates; null fields take the defaults.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The rollout with its start decision.</returns>
    /// <exception cref="CairnApiException">INVALID_PARAMETER_VALUE naming the field; RESOURCE_CONFLICT when a rollout is already active.</exception>
    public Task<RolloutDto> StartRolloutAsync(string deployment, string model, long version, RolloutPolicyDto? policy = null, CancellationToken cancellationToken = default) =>
        SendRolloutAsync(HttpMethod.Post, DeploymentRoute(deployment, "/rollout"), new StartRolloutRequest(model, version, policy, "sdk"), RolloutsJson.StartRolloutRequest, cancellationToken);

    /// <summary>The deployment's active rollout, else its latest, with every decision (oldest first).</summary>
    /// <param name="deployment">The deployment's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="CairnApiException">RESOURCE_DOES_NOT_EXIST when the deployment never had a rollout.</exception>
    public async Task<RolloutDto> GetRolloutAsync(string deployment, CancellationToken cancellationToken = default) =>
        (await GetNativeAsync(DeploymentRoute(deployment, "/rollout"), RolloutsRead<RolloutResponse>(), cancellationToken)).Rollout;

    /// <summary>Pauses the active rollout (the candidate keeps its weight; no analyses until resumed).</summary>
    /// <param name="deployment">The deployment's name.</param>
    /// <param name="reason">Why, recorded with the decision.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<RolloutDto> PauseRolloutAsync(string deployment, string? reason = null, CancellationToken cancellationToken = default) =>
        SendRolloutAsync(HttpMethod.Post, DeploymentRoute(deployment, "/rollout/pause"), new RolloutActionRequest(reason), RolloutsJson.RolloutActionRequest, cancellationToken);

    /// <summary>Resumes a paused rollout at its current step.</summary>
    /// <param name="deployment">The deployment's name.</param>
    /// <param name="reason">Why, recorded with the decision.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<RolloutDto> ResumeRolloutAsync(string deployment, string? reason = null, CancellationToken cancellationToken = default) =>
        SendRolloutAsync(HttpMethod.Post, DeploymentRoute(deployment, "/rollout/resume"), new RolloutActionRequest(reason), RolloutsJson.RolloutActionRequest, cancellationToken);

    /// <summary>Aborts the active rollout: the candidate is removed and the champions get their traffic back.</summary>
    /// <param name="deployment">The deployment's name.</param>
    /// <param name="reason">Why, recorded with the decision and the deployment event.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<RolloutDto> AbortRolloutAsync(string deployment, string? reason = null, CancellationToken cancellationToken = default) =>
        SendRolloutAsync(HttpMethod.Post, DeploymentRoute(deployment, "/rollout/abort"), new RolloutActionRequest(reason), RolloutsJson.RolloutActionRequest, cancellationToken);

    /// <summary>Rollouts newest first, of one deployment or of all.</summary>
    /// <param name="deployment">Only this deployment's rollouts; null for all.</param>
    /// <param name="maxResults">At most this many (1-1000, default 100).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IReadOnlyList<RolloutDto>> ListRolloutsAsync(string? deployment = null, int? maxResults = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        if (deployment is not null)
        {
            query.Add("deployment=" + Uri.EscapeDataString(deployment));
        }

        if (maxResults is { } max)
        {
            query.Add("max_results=" + max.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var route = "api/v1/rollouts" + (query.Count == 0 ? "" : "?" + string.Join("&", query));
        return (await GetNativeAsync(route, RolloutsRead<ListRolloutsResponse>(), cancellationToken)).Rollouts;
    }

    private async Task<RolloutDto> SendRolloutAsync<TRequest>(
        HttpMethod method, string route, TRequest body, JsonTypeInfo<TRequest> requestInfo, CancellationToken cancellationToken)
    {
        using var response = await SendDeploymentRawAsync(method, route, body, requestInfo, cancellationToken);
        return (await ReadAsync(response, RolloutsRead<RolloutResponse>(), cancellationToken)).Rollout;
    }
}
