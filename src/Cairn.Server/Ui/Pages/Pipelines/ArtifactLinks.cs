using System.Globalization;
using System.Text.Json;
using Cairn.Core.Pipelines;

namespace Cairn.Server.Ui.Pages.Pipelines;

/// <summary>An input or output of a step as the run page shows it: a label and where it leads.</summary>
public sealed record ArtifactView(string Slot, string Type, string Label, string? Href, string Title);

/// <summary>
/// Where each lineage artifact of a run leads in the UI, read from the properties the steps wrote: a dataset
/// to its dataset version (splits carry only the version hash; the run's named datasets give the name), a
/// model version to the registry, a rollout to its deployment, a report to its copy in the run's tracked
/// (MLflow) run, anything else to that tracked run.
/// </summary>
public sealed class ArtifactLinks
{
    private readonly string? _trackingRunId;
    private readonly Dictionary<string, string> _datasetNames = new(StringComparer.Ordinal);

    /// <summary>Learns the dataset names of every artifact of the run's executions.</summary>
    public ArtifactLinks(IEnumerable<ExecutionInfo> executions, string? trackingRunId)
    {
        _trackingRunId = trackingRunId;
        foreach (var slot in executions.SelectMany(e => e.Inputs.Concat(e.Outputs)))
        {
            if (Read(slot.Artifact.PropertiesJson) is { } p && Text(p, "name") is { } name && Text(p, "version") is { } version && slot.Artifact.Type == "dataset")
            {
                _datasetNames.TryAdd(version, name);
            }
        }
    }

    /// <summary>An input slot is named <c>&lt;upstream step&gt;.&lt;slot&gt;</c>; an output slot is the step's own.</summary>
    public ArtifactView Describe(string stepId, ArtifactSlot slot, bool isInput)
    {
        var artifact = slot.Artifact;
        var file = artifact.Uri[(artifact.Uri.LastIndexOf('/') + 1)..];
        var title = artifact.Uri;
        var props = Read(artifact.PropertiesJson);
        switch (artifact.Type)
        {
            case "dataset" when DatasetOf(props) is var (name, version):
                var rows = props is { } r && r.TryGetProperty("row_count", out var count) && count.TryGetInt64(out var n) ? $" ({n.ToString("#,0", CultureInfo.InvariantCulture)} rows)" : "";
                var what = Text(props, "name") is null ? $"{file} of " : "";
                return new ArtifactView(slot.Slot, artifact.Type, $"{what}{name}@{Format.ShortId(version)}{rows}", Links.DatasetVersion(name, version), title);
            case "model_version" when Text(props, "name") is { } model && Text(props, "version") is { } v:
                return new ArtifactView(slot.Slot, artifact.Type, $"{model} v{v}", Links.ModelVersion(model, v), title);
            case "rollout" when Text(props, "deployment") is { } deployment:
                var id = props is { } p && p.TryGetProperty("id", out var rid) ? $"rollout {rid} on " : "rollout on ";
                return new ArtifactView(slot.Slot, artifact.Type, id + deployment, Links.Deployment(deployment), title);
        }

        if (_trackingRunId is null)
        {
            return new ArtifactView(slot.Slot, artifact.Type, file, null, title);
        }

        if (artifact.Type == "report")
        {
            // The tracker copies small outputs into the tracked run under <producing step>/<slot>/<file>.
            var (producer, name) = isInput && slot.Slot.IndexOf('.', StringComparison.Ordinal) is var dot and > 0
                ? (slot.Slot[..dot], slot.Slot[(dot + 1)..])
                : (stepId, slot.Slot);
            return new ArtifactView(slot.Slot, artifact.Type, file, Links.ArtifactDownload(_trackingRunId, $"{producer}/{name}/{file}"), title);
        }

        return new ArtifactView(slot.Slot, artifact.Type, $"{file} (tracked run)", Links.Run(_trackingRunId), title);
    }

    private (string Name, string Version)? DatasetOf(JsonElement? props)
    {
        if (Text(props, "name") is { } name && Text(props, "version") is { } version)
        {
            return (name, version);
        }

        // A split or a transformed file names only the dataset version it came from.
        if (props is { } p && p.TryGetProperty("dataset_versions", out var versions) && versions.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in versions.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && _datasetNames.TryGetValue(item.GetString()!, out var known))
                {
                    return (known, item.GetString()!);
                }
            }
        }

        return null;
    }

    private static string? Text(JsonElement? props, string name) =>
        props is { } p && p.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static JsonElement? Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null; // Properties are free-form step output; text that is not JSON links nowhere.
        }
    }
}
