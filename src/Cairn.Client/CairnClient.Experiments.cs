using System.Runtime.CompilerServices;
using Cairn.Client.Internal;
using Cairn.Contracts.Mlflow;
using Cairn.Contracts.Mlflow.Tracking;
using Cairn.Core.Tracking;

namespace Cairn.Client;

public sealed partial class CairnClient
{
    private static MlflowJsonContext Json => MlflowJsonContext.Default;

    /// <summary>Creates an experiment and returns its id.</summary>
    /// <param name="name">A unique experiment name.</param>
    /// <param name="artifactLocation">Where its artifacts go; null lets the server choose (its artifact proxy).</param>
    /// <param name="tags">Experiment tags, or null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="CairnApiException"><c>RESOURCE_ALREADY_EXISTS</c> when the name is taken.</exception>
    public async Task<string> CreateExperimentAsync(
        string name, string? artifactLocation = null, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var request = new CreateExperimentRequest { Name = name, ArtifactLocation = artifactLocation, Tags = ToKeyValues(tags) };
        var response = await SendJsonAsync(HttpMethod.Post, "experiments/create", request, Json.CreateExperimentRequest, Json.CreateExperimentResponse, cancellationToken);
        return response.ExperimentId;
    }

    /// <summary>Gets an experiment by id.</summary>
    /// <param name="experimentId">The experiment id (a numeric string).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="CairnApiException"><c>RESOURCE_DOES_NOT_EXIST</c> when there is no such experiment.</exception>
    public async Task<ExperimentDto> GetExperimentAsync(string experimentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(experimentId);
        var response = await GetAsync("experiments/get", new QueryString().Add("experiment_id", experimentId), Json.GetExperimentResponse, cancellationToken);
        return response.Experiment;
    }

    /// <summary>Gets an experiment by name, or null when there is none (as MLflow's <c>get_experiment_by_name</c>).</summary>
    /// <param name="name">The experiment name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<ExperimentDto?> GetExperimentByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        try
        {
            var response = await GetAsync("experiments/get-by-name", new QueryString().Add("experiment_name", name), Json.GetExperimentResponse, cancellationToken);
            return response.Experiment;
        }
        catch (CairnApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>Gets the experiment named <paramref name="name"/>, creating it when it does not exist.</summary>
    /// <param name="name">The experiment name.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<ExperimentDto> GetOrCreateExperimentAsync(string name, CancellationToken cancellationToken = default)
    {
        if (await GetExperimentByNameAsync(name, cancellationToken) is { } existing)
        {
            return existing;
        }

        try
        {
            var id = await CreateExperimentAsync(name, cancellationToken: cancellationToken);
            return await GetExperimentAsync(id, cancellationToken);
        }
        catch (CairnApiException e) when (e.IsAlreadyExists)
        {
            // Another process created it between our two calls; theirs is as good as ours.
            return await GetExperimentByNameAsync(name, cancellationToken)
                ?? throw new InvalidOperationException($"Experiment '{name}' was reported to exist but cannot be found.", e);
        }
    }

    /// <summary>Searches experiments; returns one page.</summary>
    /// <param name="filter">MLflow's experiment filter (e.g. <c>name LIKE 'churn%'</c>), or null for all.</param>
    /// <param name="orderBy">Order clauses (e.g. <c>creation_time DESC</c>), or null.</param>
    /// <param name="maxResults">The page size, or null for the server's default.</param>
    /// <param name="pageToken">The token of the page to get, or null for the first.</param>
    /// <param name="viewType">Active, deleted or all experiments.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<ResultPage<ExperimentDto>> SearchExperimentsAsync(
        string? filter = null, IReadOnlyList<string>? orderBy = null, int? maxResults = null, string? pageToken = null,
        ViewType viewType = ViewType.ActiveOnly, CancellationToken cancellationToken = default)
    {
        var request = new SearchExperimentsRequest
        {
            Filter = filter,
            OrderBy = orderBy,
            MaxResults = maxResults,
            PageToken = pageToken,
            ViewType = ToWire(viewType),
        };
        var response = await SendJsonAsync(HttpMethod.Post, "experiments/search", request, Json.SearchExperimentsRequest, Json.SearchExperimentsResponse, cancellationToken);
        return new ResultPage<ExperimentDto>(response.Experiments ?? [], NullIfEmpty(response.NextPageToken));
    }

    /// <summary>Enumerates every matching experiment, following page tokens.</summary>
    /// <param name="filter">MLflow's experiment filter, or null for all.</param>
    /// <param name="orderBy">Order clauses, or null.</param>
    /// <param name="viewType">Active, deleted or all experiments.</param>
    /// <param name="pageSize">Experiments per request.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public async IAsyncEnumerable<ExperimentDto> EnumerateExperimentsAsync(
        string? filter = null, IReadOnlyList<string>? orderBy = null, ViewType viewType = ViewType.ActiveOnly, int pageSize = 1000,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var page = await SearchExperimentsAsync(filter, orderBy, pageSize, token, viewType, cancellationToken);
            foreach (var experiment in page.Items)
            {
                yield return experiment;
            }

            token = page.NextPageToken;
        }
        while (token is not null);
    }

    /// <summary>Renames an experiment.</summary>
    /// <param name="experimentId">The experiment id.</param>
    /// <param name="newName">The new, unique name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task RenameExperimentAsync(string experimentId, string newName, CancellationToken cancellationToken = default) =>
        SendJsonNoResultAsync(HttpMethod.Post, "experiments/update", new UpdateExperimentRequest { ExperimentId = experimentId, NewName = newName }, Json.UpdateExperimentRequest, cancellationToken);

    /// <summary>Soft-deletes an experiment (and hides its runs); <see cref="RestoreExperimentAsync"/> undoes it.</summary>
    /// <param name="experimentId">The experiment id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task DeleteExperimentAsync(string experimentId, CancellationToken cancellationToken = default) =>
        SendJsonNoResultAsync(HttpMethod.Post, "experiments/delete", new ExperimentIdRequest { ExperimentId = experimentId }, Json.ExperimentIdRequest, cancellationToken);

    /// <summary>Restores a soft-deleted experiment.</summary>
    /// <param name="experimentId">The experiment id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task RestoreExperimentAsync(string experimentId, CancellationToken cancellationToken = default) =>
        SendJsonNoResultAsync(HttpMethod.Post, "experiments/restore", new ExperimentIdRequest { ExperimentId = experimentId }, Json.ExperimentIdRequest, cancellationToken);

    /// <summary>Sets (or overwrites) an experiment tag.</summary>
    /// <param name="experimentId">The experiment id.</param>
    /// <param name="key">The tag key.</param>
    /// <param name="value">The tag value.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task SetExperimentTagAsync(string experimentId, string key, string value, CancellationToken cancellationToken = default) =>
        SendJsonNoResultAsync(HttpMethod.Post, "experiments/set-experiment-tag", new SetExperimentTagRequest { ExperimentId = experimentId, Key = key, Value = value }, Json.SetExperimentTagRequest, cancellationToken);

    private static KeyValueDto[]? ToKeyValues(IEnumerable<KeyValuePair<string, string>>? pairs) =>
        pairs?.Select(p => new KeyValueDto { Key = p.Key, Value = p.Value }).ToArray() is { Length: > 0 } list ? list : null;

    private static string ToWire(ViewType viewType) => viewType switch
    {
        ViewType.ActiveOnly => "ACTIVE_ONLY",
        ViewType.DeletedOnly => "DELETED_ONLY",
        ViewType.All => "ALL",
        _ => throw new ArgumentOutOfRangeException(nameof(viewType), viewType, "Unknown view type."),
    };

    private static string? NullIfEmpty(string? token) => string.IsNullOrEmpty(token) ? null : token;
}
