using Cairn.Core.Errors;
using Cairn.Core.Tracking;
using Cairn.Tracking;
using Microsoft.AspNetCore.Components;

namespace Cairn.Server.Ui.Pages.Experiments;

/// <summary>
/// One experiment's runs: a server-paged table (the MLflow runs/search the API uses, so the filter grammar,
/// ordering and page tokens are the API's) with the experiment's metric and param keys as columns.
/// A bad filter, order or page token is the user's mistake: an error box and status 400, never a 500.
/// </summary>
public sealed partial class ExperimentPage
{
    /// <summary>At most this many metric and param keys are offered as columns.</summary>
    private const int MaxKeys = 200;

    private Experiment? _experiment;
    private ExperimentRunStats? _stats;
    private ExperimentRunKeys _keys = new([], []);
    private IReadOnlyList<RunColumn> _columns = [];
    private IReadOnlyList<Run> _runs = [];
    private string? _nextPage;
    private string? _error;

    [Inject] private TrackingService Tracking { get; set; } = null!;

    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    [Parameter] public string ExperimentId { get; set; } = "";

    [SupplyParameterFromQuery(Name = "filter")] public string? Filter { get; set; }

    [SupplyParameterFromQuery(Name = "order")] public string? Order { get; set; }

    [SupplyParameterFromQuery(Name = "page")] public string? PageToken { get; set; }

    [SupplyParameterFromQuery(Name = "size")] public int? Size { get; set; }

    [SupplyParameterFromQuery(Name = "col")] public string[]? Col { get; set; }

    private RunsQuery Query { get; set; } = new();

    private string Path => Links.Experiment(ExperimentId);

    protected override async Task OnInitializedAsync()
    {
        var ct = HttpContext?.RequestAborted ?? CancellationToken.None;
        Query = RunsQuery.From(Filter, Order, PageToken, Size, Col);
        try
        {
            _experiment = await Tracking.Store.GetExperimentAsync(ExperimentId, ct);
        }
        catch (CairnException e) when (e.Code == ErrorCode.ResourceDoesNotExist)
        {
            return; // rendered as <NotFound> (404)
        }

        _stats = (await Tracking.GetExperimentRunStatsAsync([ExperimentId], ct)).FirstOrDefault();
        _keys = await Tracking.GetExperimentRunKeysAsync(ExperimentId, MaxKeys, ct);
        _columns = Query.ChooseColumns(_keys.MetricKeys, _keys.ParamKeys);
        try
        {
            var page = await Tracking.SearchRunsAsync(
                [ExperimentId], Query.Filter, Query.Order is null ? null : [Query.Order], "ACTIVE_ONLY", Query.PageSize, Query.PageToken, ct);
            _runs = page.Items;
            _nextPage = page.NextPageToken;
        }
        catch (CairnException e) when (e.Code is ErrorCode.InvalidParameterValue or ErrorCode.BadRequest)
        {
            _error = e.Message;
            ResponseStatus.Set(HttpContext, StatusCodes.Status400BadRequest);
        }
    }

    private string? Tag(string key) => _experiment?.Tags.FirstOrDefault(t => t.Key == key)?.Value;
}
