using System.Runtime.CompilerServices;
using Cairn.Client.Internal;
using Cairn.Contracts.Mlflow.Tracking;
using Cairn.Core.Tracking;

namespace Cairn.Client;

public sealed partial class CairnClient
{
    /// <summary>Page size MLflow's client uses for metric history; the server's maximum too.</summary>
    private const int MetricHistoryPageSize = 25000;

    /// <summary>Searches runs; returns one page.</summary>
    /// <param name="experimentIds">The experiments to search.</param>
    /// <param name="filter">MLflow's run filter (e.g. <c>metrics.acc &gt; 0.9 AND params.lr = '0.1'</c>), or null for all.</param>
    /// <param name="orderBy">Order clauses (e.g. <c>metrics.acc DESC</c>), or null.</param>
    /// <param name="maxResults">The page size, or null for the server's default (1000).</param>
    /// <param name="pageToken">The token of the page to get, or null for the first.</param>
    /// <param name="viewType">Active, deleted or all runs.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<ResultPage<RunDto>> SearchRunsAsync(
        IReadOnlyList<string> experimentIds, string? filter = null, IReadOnlyList<string>? orderBy = null, int? maxResults = null,
        string? pageToken = null, ViewType viewType = ViewType.ActiveOnly, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(experimentIds);
        var request = new SearchRunsRequest
        {
            ExperimentIds = experimentIds,
            Filter = filter,
            OrderBy = orderBy,
            MaxResults = maxResults,
            PageToken = pageToken,
            RunViewType = ToWire(viewType),
        };
        var response = await SendJsonAsync(HttpMethod.Post, "runs/search", request, Json.SearchRunsRequest, Json.SearchRunsResponse, cancellationToken);
        return new ResultPage<RunDto>(response.Runs ?? [], NullIfEmpty(response.NextPageToken));
    }

    /// <summary>Enumerates every matching run, following page tokens.</summary>
    /// <param name="experimentIds">The experiments to search.</param>
    /// <param name="filter">MLflow's run filter, or null for all.</param>
    /// <param name="orderBy">Order clauses, or null.</param>
    /// <param name="viewType">Active, deleted or all runs.</param>
    /// <param name="pageSize">Runs per request.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    public async IAsyncEnumerable<RunDto> EnumerateRunsAsync(
        IReadOnlyList<string> experimentIds, string? filter = null, IReadOnlyList<string>? orderBy = null, ViewType viewType = ViewType.ActiveOnly,
        int pageSize = 1000, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var page = await SearchRunsAsync(experimentIds, filter, orderBy, pageSize, token, viewType, cancellationToken);
            foreach (var run in page.Items)
            {
                yield return run;
            }

            token = page.NextPageToken;
        }
        while (token is not null);
    }

    /// <summary>Gets the full history of one metric of a run (every step), following page tokens.</summary>
    /// <param name="runId">The run id.</param>
    /// <param name="metricKey">The metric key.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<IReadOnlyList<MetricDto>> GetMetricHistoryAsync(string runId, string metricKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentException.ThrowIfNullOrWhiteSpace(metricKey);
        var all = new List<MetricDto>();
        string? token = null;
        do
        {
            var query = new QueryString()
                .Add("run_id", runId)
                .Add("run_uuid", runId)
                .Add("metric_key", metricKey)
                .Add("max_results", MetricHistoryPageSize)
                .Add("page_token", token);
            var response = await GetAsync("metrics/get-history", query, Json.GetMetricHistoryResponse, cancellationToken);
            all.AddRange(response.Metrics ?? []);
            token = NullIfEmpty(response.NextPageToken);
        }
        while (token is not null);

        return all;
    }
}
