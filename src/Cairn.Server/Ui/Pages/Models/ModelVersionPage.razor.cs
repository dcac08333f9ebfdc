using System.Globalization;
using Cairn.Contracts.Native.Lineage;
using Cairn.Core.Artifacts;
using Cairn.Core.Errors;
using Cairn.Core.Registry;
using Cairn.Core.Tracking;
using Cairn.Registry;
using Cairn.Server.Native;
using Cairn.Serving.Deployments;
using Cairn.Tracking;
using Microsoft.AspNetCore.Components;

namespace Cairn.Server.Ui.Pages.Models;

/// <summary>
/// Loads a model version page: the version (by number, or by alias), its bundle's signature, its source
/// run's metrics and params, its lineage (pipeline run, steps, dataset versions) and the deployment
/// variants serving it. A fixed number of store calls, whatever the registry holds.
/// </summary>
public sealed partial class ModelVersionPage
{
    [Inject] private RegistryService Registry { get; set; } = null!;

    [Inject] private TrackingService Tracking { get; set; } = null!;

    [Inject] private LineageBuilder Lineage { get; set; } = null!;

    [Inject] private DeploymentService Deployments { get; set; } = null!;

    [Inject] private IArtifactStore Artifacts { get; set; } = null!;

    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    [Parameter] public string Name { get; set; } = "";

    [Parameter] public string Version { get; set; } = "";

    private string ModelName => ModelRoute.Name(Name);

    private ModelVersion? _version;
    private bool _notFound;
    private BundleInfo _bundle = new(null, null, null);
    private Run? _run;
    private string? _runNote;
    private ModelLineageResponse? _lineage;
    private string? _lineageNote;
    private IReadOnlyList<ServingVariant> _serving = [];
    private IReadOnlyList<VersionChange> _history = [];

    private string Number => _version!.Version.ToString(CultureInfo.InvariantCulture);

    protected override async Task OnInitializedAsync()
    {
        var ct = HttpContext?.RequestAborted ?? CancellationToken.None;
        _version = await FindAsync(ct);
        if (_version is null)
        {
            _notFound = true;
            return;
        }

        _bundle = await BundleInfo.ReadAsync(Artifacts, _version, ct);
        await LoadRunAsync(_version.RunId, ct);
        try
        {
            _lineage = await Lineage.ForModelVersionAsync(_version.Name, Number, ct);
            _lineageNote = _lineage.Note;
        }
        catch (CairnException e)
        {
            _lineageNote = e.Message;
        }

        _serving = ModelsQuery.ServingVariants(await Deployments.ListAsync(ct), _version.Name, _version.Version);
        _history = await HistoryAsync(ct);
    }

    /// <summary>
    /// The audit trail of this version in production: the recorded changes of the deployments serving it
    /// (one bounded history read per serving deployment, usually one or two).
    /// </summary>
    private async Task<IReadOnlyList<VersionChange>> HistoryAsync(CancellationToken ct)
    {
        var changes = new List<VersionChange>();
        foreach (var deployment in _serving.Select(s => s.Deployment.Name).Distinct(StringComparer.Ordinal))
        {
            var events = await Deployments.ListEventsAsync(deployment, DeploymentService.DefaultEvents, ct);
            changes.AddRange(ModelsQuery.VersionHistory(events, _version!.Name, _version.Version));
        }

        return [.. changes.OrderByDescending(c => c.Event.Timestamp).ThenByDescending(c => c.Event.Sequence)];
    }

    /// <summary>The version a URL names: <c>.../versions/3</c>, or an alias such as <c>.../versions/champion</c>.</summary>
    private async Task<ModelVersion?> FindAsync(CancellationToken ct)
    {
        try
        {
            return Version.All(char.IsAsciiDigit)
                ? await Registry.GetModelVersionAsync(ModelName, Version, ct)
                : await Registry.GetModelVersionByAliasAsync(ModelName, Version, ct);
        }
        catch (CairnException e) when (e.Code is ErrorCode.ResourceDoesNotExist or ErrorCode.InvalidParameterValue)
        {
            // Unknown model, unknown version, unknown alias or a malformed one: all are "no such page".
            return null;
        }
    }

    private async Task LoadRunAsync(string? runId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(runId))
        {
            _runNote = "This version names no source run.";
            return;
        }

        try
        {
            _run = await Tracking.GetRunAsync(runId, ct);
        }
        catch (CairnException e) when (e.Code is ErrorCode.ResourceDoesNotExist or ErrorCode.InvalidParameterValue)
        {
            _runNote = $"The source run '{runId}' does not exist (any more).";
        }
    }

    private IReadOnlyList<(string Label, string? Href)> Crumbs =>
        [("Models", Links.Models), (_version!.Name, Links.Model(_version.Name)), ($"Version {Number}", null)];

    /// <summary>The bundle's flavor as people write it.</summary>
    private string FlavorName => _bundle.Manifest?.Flavor switch
    {
        null => "—",
        Training.Bundles.ModelFlavor.MlNet => "ML.NET",
        Training.Bundles.ModelFlavor.Onnx => "ONNX",
        var other => other.Value.ToString().ToLowerInvariant(),
    };

    private string? PipelineRunId => _lineage?.PipelineRun?.RunId
        ?? _version?.Tags.LastOrDefault(t => t.Key == LineageBuilder.PipelineRunTag)?.Value;
}
