using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Cairn.Contracts.Native.Deployments;

namespace Cairn.Client;

public sealed partial class CairnClient
{
    private const string DeploymentsApi = "api/v1/deployments";
    private const string UserHeader = "X-Cairn-User";

    private static DeploymentsJsonContext DeploymentsJson => DeploymentsJsonContext.Default;

    // The server rejects unknown request fields; answers are read leniently so a newer server's extra fields do not break this client.
    private static readonly JsonSerializerOptions DeploymentsReadOptions =
        new(DeploymentsJsonContext.Default.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    private static JsonTypeInfo<T> DeploymentsRead<T>() => (JsonTypeInfo<T>)DeploymentsReadOptions.GetTypeInfo(typeof(T));

    private static string DeploymentRoute(string name, string? suffix = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return $"{DeploymentsApi}/{Uri.EscapeDataString(name)}{suffix}";
    }

    /// <summary>
    /// Creates a deployment. Every variant's model version is checked (exists, READY, compatible inputs), aliases are
    /// pinned to their current version, and the models are loaded and warmed up before the deployment is stored.
    /// The change is recorded as made by <see cref="CairnClientOptions.UserId"/> (else the OS user).
    /// </summary>
    /// <param name="request">The name, variants (each a model with a version or an alias, a weight and a mode), sticky key and reason.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stored deployment (revision 1).</returns>
    /// <exception cref="CairnApiException">INVALID_PARAMETER_VALUE naming the field and rule; RESOURCE_ALREADY_EXISTS for a taken name.</exception>
    public async Task<DeploymentDto> CreateDeploymentAsync(CreateDeploymentRequest request, CancellationToken cancellationToken = default) =>
        (await SendDeploymentAsync(HttpMethod.Post, DeploymentsApi, request, DeploymentsJson.CreateDeploymentRequest, cancellationToken)).Deployment;

    /// <summary>Lists every deployment, by name.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IReadOnlyList<DeploymentDto>> ListDeploymentsAsync(CancellationToken cancellationToken = default) =>
        (await GetNativeAsync(DeploymentsApi, DeploymentsRead<ListDeploymentsResponse>(), cancellationToken)).Deployments;

    /// <summary>Gets one deployment with its pinned variants, status and revision.</summary>
    /// <param name="name">The deployment's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="CairnApiException">RESOURCE_DOES_NOT_EXIST (404) for an unknown name.</exception>
    public async Task<DeploymentDto> GetDeploymentAsync(string name, CancellationToken cancellationToken = default) =>
        (await GetNativeAsync(DeploymentRoute(name), DeploymentsRead<DeploymentResponse>(), cancellationToken)).Deployment;

    /// <summary>Changes a deployment's variants, description and/or sticky key (only the fields given; an empty sticky key removes it).</summary>
    /// <param name="name">The deployment's name.</param>
    /// <param name="request">The changes; set <c>Revision</c> to fail with RESOURCE_CONFLICT if someone else changed it meanwhile.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<DeploymentDto> UpdateDeploymentAsync(string name, UpdateDeploymentRequest request, CancellationToken cancellationToken = default) =>
        (await SendDeploymentAsync(HttpMethod.Patch, DeploymentRoute(name), request, DeploymentsJson.UpdateDeploymentRequest, cancellationToken)).Deployment;

    /// <summary>Sets live traffic weights by variant name; live variants not named get 0, and the live weights must sum to 100.</summary>
    /// <param name="name">The deployment's name.</param>
    /// <param name="weights">Variant name → weight (0-100).</param>
    /// <param name="reason">Why, recorded in the history.</param>
    /// <param name="revision">If given, the change applies only at this revision (else RESOURCE_CONFLICT).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<DeploymentDto> SetDeploymentWeightsAsync(
        string name, IReadOnlyDictionary<string, int> weights, string? reason = null, long? revision = null, CancellationToken cancellationToken = default) =>
        (await SendDeploymentAsync(HttpMethod.Post, DeploymentRoute(name, "/set-weights"), new SetWeightsRequest(weights.ToDictionary(), revision, reason),
            DeploymentsJson.SetWeightsRequest, cancellationToken)).Deployment;

    /// <summary>Gives one variant 100% of live traffic; the other live variants are removed, or kept at weight 0 with <paramref name="keepOthers"/>.</summary>
    /// <param name="name">The deployment's name.</param>
    /// <param name="variant">The variant to promote (live or shadow).</param>
    /// <param name="keepOthers">Keep the other live variants at weight 0 instead of removing them.</param>
    /// <param name="reason">Why, recorded in the history.</param>
    /// <param name="revision">If given, the change applies only at this revision.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<DeploymentDto> PromoteDeploymentVariantAsync(
        string name, string variant, bool keepOthers = false, string? reason = null, long? revision = null, CancellationToken cancellationToken = default) =>
        (await SendDeploymentAsync(HttpMethod.Post, DeploymentRoute(name, "/promote"), new PromoteRequest(variant, keepOthers, revision, reason),
            DeploymentsJson.PromoteRequest, cancellationToken)).Deployment;

    /// <summary>Restores earlier variants: those before the latest variant change, or those of history event <paramref name="toSequence"/>.</summary>
    /// <param name="name">The deployment's name.</param>
    /// <param name="toSequence">The history event whose variants to restore (see <see cref="ListDeploymentEventsAsync"/>); null for the previous state.</param>
    /// <param name="reason">Why, recorded in the history.</param>
    /// <param name="revision">If given, the change applies only at this revision.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<DeploymentDto> RollbackDeploymentAsync(
        string name, long? toSequence = null, string? reason = null, long? revision = null, CancellationToken cancellationToken = default) =>
        (await SendDeploymentAsync(HttpMethod.Post, DeploymentRoute(name, "/rollback"), new RollbackRequest(toSequence, revision, reason),
            DeploymentsJson.RollbackRequest, cancellationToken)).Deployment;

    /// <summary>Pauses a deployment: its models stay loaded but it answers 503 until resumed.</summary>
    /// <param name="name">The deployment's name.</param>
    /// <param name="reason">Why, recorded in the history.</param>
    /// <param name="revision">If given, the change applies only at this revision.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<DeploymentDto> PauseDeploymentAsync(string name, string? reason = null, long? revision = null, CancellationToken cancellationToken = default) =>
        (await SendDeploymentAsync(HttpMethod.Post, DeploymentRoute(name, "/pause"), new DeploymentChangeRequest(revision, reason),
            DeploymentsJson.DeploymentChangeRequest, cancellationToken)).Deployment;

    /// <summary>Resumes a paused deployment.</summary>
    /// <param name="name">The deployment's name.</param>
    /// <param name="reason">Why, recorded in the history.</param>
    /// <param name="revision">If given, the change applies only at this revision.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<DeploymentDto> ResumeDeploymentAsync(string name, string? reason = null, long? revision = null, CancellationToken cancellationToken = default) =>
        (await SendDeploymentAsync(HttpMethod.Post, DeploymentRoute(name, "/resume"), new DeploymentChangeRequest(revision, reason),
            DeploymentsJson.DeploymentChangeRequest, cancellationToken)).Deployment;

    /// <summary>Deletes a deployment; its history is kept (and continues if the name is reused).</summary>
    /// <param name="name">The deployment's name.</param>
    /// <param name="reason">Why, recorded in the history.</param>
    /// <param name="revision">If given, the delete applies only at this revision.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task DeleteDeploymentAsync(string name, string? reason = null, long? revision = null, CancellationToken cancellationToken = default)
    {
        using var response = await SendDeploymentRawAsync(HttpMethod.Delete, DeploymentRoute(name), new DeploymentChangeRequest(revision, reason),
            DeploymentsJson.DeploymentChangeRequest, cancellationToken);
    }

    /// <summary>A deployment's change history, newest first: who, when, what, why and the variants after each change.</summary>
    /// <param name="name">The deployment's name (also works after it was deleted).</param>
    /// <param name="maxResults">At most this many events (1-1000).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IReadOnlyList<DeploymentEventDto>> ListDeploymentEventsAsync(string name, int maxResults = 100, CancellationToken cancellationToken = default) =>
        (await GetNativeAsync(DeploymentRoute(name, $"/events?max_results={maxResults}"), DeploymentsRead<ListDeploymentEventsResponse>(), cancellationToken)).Events;

    private async Task<DeploymentResponse> SendDeploymentAsync<TRequest>(
        HttpMethod method, string route, TRequest body, JsonTypeInfo<TRequest> requestInfo, CancellationToken cancellationToken)
    {
        using var response = await SendDeploymentRawAsync(method, route, body, requestInfo, cancellationToken);
        return await ReadAsync(response, DeploymentsRead<DeploymentResponse>(), cancellationToken);
    }

    /// <summary>A change, sent once (never retried: it may have been applied) with the acting user's name.</summary>
    private Task<HttpResponseMessage> SendDeploymentRawAsync<TRequest>(
        HttpMethod method, string route, TRequest body, JsonTypeInfo<TRequest> requestInfo, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, requestInfo);
        var uri = Resolve(route);
        return SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(method, uri) { Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } } };
                request.Headers.TryAddWithoutValidation(UserHeader, UserId);
                return request;
            },
            HttpCompletionOption.ResponseContentRead,
            canRetry: false,
            cancellationToken);
    }
}
