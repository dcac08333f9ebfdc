using Cairn.Core.Artifacts;
using Cairn.Core.Errors;
using Cairn.Core.Registry;
using Cairn.Core.Tracking;
using Cairn.Registry;
using Cairn.Tracking;
using Microsoft.AspNetCore.Components;

namespace Cairn.Server.Ui.Pages.Runs;

/// <summary>
/// One tracked run: params, metrics with history charts, tags, artifacts (tree, preview, download), dataset
/// inputs and model outputs, and its lineage — the pipeline run that made it (tag <c>cairn.pipeline_run</c>)
/// and the model versions registered from it (registry search on <c>run_id</c>). A bounded number of store
/// calls: the run, its experiment, at most <see cref="MaxCharted"/> histories, one registry search, the tree.
/// </summary>
public sealed partial class RunPage
{
    public const string PipelineRunTag = "cairn.pipeline_run";
    public const string PipelineTag = "cairn.pipeline";

    /// <summary>Histories are read for at most this many metrics (alphabetically), each at most <see cref="MaxPoints"/> points.</summary>
    private const int MaxCharted = 24;
    private const int MaxPoints = 10_000;

    private Run? _run;
    private Experiment? _experiment;
    private readonly List<(string Key, IReadOnlyList<Metric> History)> _histories = [];
    private IReadOnlyList<ModelVersion> _versions = [];
    private IReadOnlyList<ArtifactNode> _artifacts = [];
    private bool _artifactsTruncated;
    private bool _artifactsElsewhere;
    private ArtifactPreviewContent? _preview;
    private string? _previewError;

    [Inject] private TrackingService Tracking { get; set; } = null!;

    [Inject] private RegistryService Registry { get; set; } = null!;

    [Inject] private IArtifactStore Artifacts { get; set; } = null!;

    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    [Parameter] public string RunId { get; set; } = "";

    /// <summary>The artifact (path relative to the run's root) to preview.</summary>
    [SupplyParameterFromQuery(Name = "artifact")] public string? Artifact { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var ct = HttpContext?.RequestAborted ?? CancellationToken.None;
        try
        {
            _run = await Tracking.GetRunAsync(RunId, ct);
        }
        catch (CairnException e) when (e.Code is ErrorCode.ResourceDoesNotExist or ErrorCode.InvalidParameterValue)
        {
            return; // a malformed id names no run either: <NotFound> (404)
        }

        try
        {
            _experiment = await Tracking.Store.GetExperimentAsync(_run.Info.ExperimentId, ct);
        }
        catch (CairnException e) when (e.Code == ErrorCode.ResourceDoesNotExist)
        {
            _experiment = null;
        }

        foreach (var key in _run.Metrics.Select(m => m.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(MaxCharted))
        {
            var page = await Tracking.GetMetricHistoryAsync(RunId, key, MaxPoints, null, ct);
            _histories.Add((key, page.Items));
        }

        // Run ids are validated hex by GetRunAsync, so the id is safe inside the quoted filter.
        _versions = (await Registry.SearchModelVersionsAsync($"run_id = '{_run.Info.RunId}'", 100, ["creation_timestamp DESC"], null, ct)).Items;
        await LoadArtifactsAsync(ct);
    }

    private async Task LoadArtifactsAsync(CancellationToken ct)
    {
        if (ArtifactUri.TryGetStorePath(_run!.Info.ArtifactUri) is not { } root)
        {
            _artifactsElsewhere = true;
            return;
        }

        (_artifacts, _artifactsTruncated) = await ArtifactTree.ListAsync(Artifacts, root, ct);
        if (string.IsNullOrEmpty(Artifact))
        {
            return;
        }

        try
        {
            var path = ArtifactPath.Normalize(Artifact, "artifact");
            _preview = path.Length == 0 ? null : await ArtifactPreview.ReadAsync(Artifacts, ArtifactPath.Combine(root, path), ct);
            _previewError = _preview is null ? $"Artifact '{Artifact}' does not exist in this run." : null;
        }
        catch (CairnException e) when (e.Code == ErrorCode.InvalidParameterValue)
        {
            _previewError = e.Message;
            ResponseStatus.Set(HttpContext, StatusCodes.Status400BadRequest);
        }
    }

    private string? Tag(string key) => _run?.Tags.FirstOrDefault(t => t.Key == key)?.Value;

    private static bool IsSystemTag(string key) => key.StartsWith("mlflow.", StringComparison.Ordinal) || key.StartsWith("cairn.", StringComparison.Ordinal);


    /// <summary>A Cairn dataset input's source is <c>cairn-dataset:NAME@VERSION</c>; other sources name no dataset page.</summary>
    public static (string Name, string Version)? CairnDataset(Dataset dataset)
    {
        const string prefix = "cairn-dataset:";
        if (!dataset.Source.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = dataset.Source[prefix.Length..];
        var at = rest.LastIndexOf('@');
        return at > 0 && at < rest.Length - 1 ? (rest[..at], rest[(at + 1)..]) : null;
    }
}
