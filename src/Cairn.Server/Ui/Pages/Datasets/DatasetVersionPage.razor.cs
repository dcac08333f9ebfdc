using System.Text.Json;
using Cairn.Contracts.Native.Datasets;
using Cairn.Core.Artifacts;
using Cairn.Core.Datasets;
using Cairn.Core.Errors;
using Cairn.Data;
using Cairn.Pipelines;
using Cairn.Server.Native;
using Microsoft.AspNetCore.Components;

namespace Cairn.Server.Ui.Pages.Datasets;

/// <summary>
/// Loads one dataset version (schema and profile, in the API's wire shape), its uses in pipeline runs
/// (one store query, at most <see cref="MaxUses"/>) and the newest validation reports among them (at
/// most <see cref="MaxValidations"/> artifact reads).
/// </summary>
public sealed partial class DatasetVersionPage
{
    public const int MaxUses = 500;
    public const int MaxValidations = 5;

    [Inject] public required DatasetService Datasets { get; set; }

    [Inject] public required PipelineService Pipelines { get; set; }

    [Inject] public required IArtifactStore Artifacts { get; set; }

    [Parameter] public string Name { get; set; } = "";

    [Parameter] public string Version { get; set; } = "";

    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    private DatasetVersionDto? _version;

    private IReadOnlyList<(string, string?)> Crumbs => [("Datasets", Links.Datasets), (Name, Links.Dataset(Name)), (Format.ShortId(_version!.Version, 12), null)];
    private IReadOnlyList<DatasetLineageRow> _lineage = [];
    private readonly List<(ValidationSource Source, ValidationReportDto? Report)> _validations = [];

    protected override async Task OnInitializedAsync()
    {
        var ct = HttpContext?.RequestAborted ?? CancellationToken.None;
        try
        {
            DatasetNames.ValidateName(Name);
            _version = DatasetsMapping.ToDto(await Datasets.Store.GetVersionAsync(Name, Version, includeProfile: true, ct), includeSamples: false);
        }
        catch (CairnException e) when (e.Code is ErrorCode.ResourceDoesNotExist or ErrorCode.InvalidParameterValue)
        {
            _version = null;
            return;
        }

        var uses = await Pipelines.FindDatasetVersionUsesAsync(_version.Version, MaxUses, ct);
        _lineage = DatasetLineage.Rows(uses);
        foreach (var source in DatasetLineage.Validations(uses, MaxValidations))
        {
            _validations.Add((source, await ReadReportAsync(source.ReportUri, ct)));
        }
    }

    /// <summary>Null when the report file is gone or unreadable: the page still lists the validation with its step state.</summary>
    private async Task<ValidationReportDto?> ReadReportAsync(string uri, CancellationToken ct)
    {
        await using var stream = await Artifacts.OpenReadAsync(uri, ct);
        if (stream is null)
        {
            return null;
        }

        try
        {
            return await JsonSerializer.DeserializeAsync(stream, DatasetsJsonContext.Default.ValidationReportDto, ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
