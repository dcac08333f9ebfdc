using System.Text.Json.Nodes;
using Cairn.Core.Errors;
using Cairn.Core.Tracking;
using Cairn.Tracking;
using Microsoft.AspNetCore.Components;

namespace Cairn.Server.Ui.Pages.Compare;

/// <summary>
/// Loads the runs of <c>/compare</c> through the tracking service (one call per run, at most
/// <see cref="CompareQuery.MaxRuns"/>), and the histories of the metrics logged over steps (at most
/// <see cref="MaxCurveMetrics"/> metrics, <see cref="MaxHistoryPoints"/> points each).
/// </summary>
public sealed partial class CompareRuns
{
    public const int MaxCurveMetrics = 12;
    public const int MaxHistoryPoints = 5000;
    public const int MaxLatestCharts = 12;

    [Inject] public required TrackingService Tracking { get; set; }

    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    [SupplyParameterFromQuery(Name = "runs")] public string[]? RunsParameter { get; set; }

    [SupplyParameterFromQuery(Name = "metric")] public string? MetricParameter { get; set; }

    [SupplyParameterFromQuery(Name = "diff")] public string? DiffParameter { get; set; }

    private string? _error;
    private readonly List<string> _missing = [];
    private readonly List<Run> _runs = [];
    private IReadOnlyList<string> _labels = [];
    private readonly Dictionary<string, string> _experimentNames = new(StringComparer.Ordinal);
    private IReadOnlyList<string> _metricChoices = [];
    private string? _metric;
    private readonly List<(string Key, JsonArray Traces)> _curves = [];
    private readonly List<(string Key, JsonArray Traces)> _latest = [];
    private JsonArray? _parcoords;
    private int _parcoordsRuns;
    private IReadOnlyList<DiffRow> _diff = [];
    private int _differing;
    private bool _failed;

    private bool OnlyDifferences => DiffParameter is "1" or "true" or "on";

    private IReadOnlyList<string> RunIds => [.. _runs.Select(r => r.Info.RunId)];

    protected override async Task OnInitializedAsync()
    {
        var ct = HttpContext?.RequestAborted ?? CancellationToken.None;
        IReadOnlyList<string> ids;
        try
        {
            ids = CompareQuery.ParseRunIds(RunsParameter);
        }
        catch (CairnException e)
        {
            Fail(StatusCodes.Status400BadRequest, e.Message);
            return;
        }

        foreach (var id in ids)
        {
            try
            {
                _runs.Add(await Tracking.GetRunAsync(id, ct));
            }
            catch (CairnException e) when (e.Code == ErrorCode.ResourceDoesNotExist)
            {
                _missing.Add(id);
            }
        }

        if (_missing.Count > 0)
        {
            Fail(StatusCodes.Status404NotFound, null);
        }

        if (_runs.Count == 0)
        {
            return;
        }

        foreach (var experimentId in _runs.Select(r => r.Info.ExperimentId).Distinct(StringComparer.Ordinal))
        {
            _experimentNames[experimentId] = (await Tracking.Store.GetExperimentAsync(experimentId, ct)).Name;
        }

        _labels = CompareCharts.RunLabels(_runs);
        _metricChoices = CompareCharts.MetricChoices(_runs);
        _metric = MetricParameter is { Length: > 0 } chosen && _metricChoices.Contains(chosen) ? chosen : _metricChoices.FirstOrDefault();
        if (MetricParameter is { Length: > 0 } unknown && _metric != unknown)
        {
            Fail(StatusCodes.Status400BadRequest, $"Invalid value for parameter 'metric': none of these runs has a metric '{unknown}'.");
        }

        await LoadCurvesAsync(ct);
        var single = _metricChoices.Where(k => !_curves.Any(c => c.Key == k));
        _latest.AddRange(CompareCharts.LatestValueMetrics(_runs, single, MaxLatestCharts).Select(k => (k, CompareCharts.LatestValues(_runs, _labels, k))));
        if (_metric is not null)
        {
            (_parcoords, _parcoordsRuns) = CompareCharts.Parcoords(_runs, _metric);
        }

        var all = CompareDiff.Build(_runs, onlyDifferences: false);
        _differing = all.Count(r => r.Differs);
        _diff = OnlyDifferences ? [.. all.Where(r => r.Differs)] : all;
    }

    private async Task LoadCurvesAsync(CancellationToken ct)
    {
        foreach (var key in CompareCharts.CurveMetrics(_runs, MaxCurveMetrics))
        {
            var series = new List<(string, IReadOnlyList<Metric>)>();
            for (var i = 0; i < _runs.Count; i++)
            {
                var history = _runs[i].Metrics.Any(m => m.Key == key)
                    ? (await Tracking.GetMetricHistoryAsync(_runs[i].Info.RunId, key, MaxHistoryPoints, null, ct)).Items
                    : [];
                series.Add((_labels[i], history));
            }

            _curves.Add((key, CompareCharts.Curves(series)));
        }
    }

    private void Fail(int status, string? message)
    {
        _error ??= message;
        if (!_failed)
        {
            _failed = true;
            ResponseStatus.Set(HttpContext, status);
        }
    }

    private static JsonObject AxisLayout(string x, string y) => new()
    {
        ["xaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = x } },
        ["yaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = PlotlyText.Escape(y) } },
    };
}
