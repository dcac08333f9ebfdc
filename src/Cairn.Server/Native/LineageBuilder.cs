using System.Globalization;
using System.Text.Json;
using Cairn.Contracts.Native.Lineage;
using Cairn.Core.Datasets;
using Cairn.Core.Errors;
using Cairn.Core.Pipelines;
using Cairn.Core.Registry;
using Cairn.Data;
using Cairn.Pipelines;
using Cairn.Registry;

namespace Cairn.Server.Native;

/// <summary>
/// Builds a model version's lineage tree: the version's <c>cairn.pipeline_run</c> and <c>cairn.dataset_versions</c>
/// tags (written by <c>model.register</c>) lead to the pipeline run and its executions in the lineage store; the
/// run's dataset artifacts and the dataset store name the data versions.
/// </summary>
public sealed class LineageBuilder(RegistryService registry, PipelineService pipelines, DatasetService datasets)
{
    public const string PipelineRunTag = "cairn.pipeline_run";
    public const string DatasetVersionsTag = "cairn.dataset_versions";
    private const string DatasetType = "dataset";
    private const int MaxDatasetsPerPage = 200;
    private const int MaxDatasetsScanned = 2000;

    /// <summary>Resolves <paramref name="versionOrAlias"/> (a number, else an alias) and builds its lineage.</summary>
    public async Task<ModelLineageResponse> ForModelVersionAsync(string name, string versionOrAlias, CancellationToken cancellationToken)
    {
        var version = versionOrAlias.All(char.IsAsciiDigit)
            ? await registry.GetModelVersionAsync(name, versionOrAlias, cancellationToken)
            : await registry.GetModelVersionByAliasAsync(name, versionOrAlias, cancellationToken);
        var node = ToNode(version);
        var tags = node.Tags;
        var hashes = tags.TryGetValue(DatasetVersionsTag, out var list) ? SplitHashes(list) : [];
        if (!tags.TryGetValue(PipelineRunTag, out var runId) || string.IsNullOrWhiteSpace(runId))
        {
            return new ModelLineageResponse(node, null, await DatasetsAsync(hashes, [], cancellationToken),
                $"Version {node.Version} of '{name}' has no '{PipelineRunTag}' tag: it was not registered by a pipeline, so it has no recorded lineage.");
        }

        PipelineRunDetails details;
        try
        {
            details = await pipelines.GetRunAsync(runId, cancellationToken);
        }
        catch (CairnException e) when (e.Code == ErrorCode.ResourceDoesNotExist)
        {
            return new ModelLineageResponse(node, null, await DatasetsAsync(hashes, [], cancellationToken),
                $"Version {node.Version} of '{name}' names pipeline run '{runId}', which does not exist (any more).");
        }

        var executions = Ordered(details).ToList();
        var producedBy = executions.Where(e => e.State.IsDone())
            .SelectMany(e => e.Outputs.Select(o => (o.Artifact.Id, e.StepId)))
            .GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().StepId);
        var datasetArtifacts = executions.SelectMany(e => e.Inputs.Concat(e.Outputs)).Select(s => s.Artifact)
            .Where(a => a.Type == DatasetType).DistinctBy(a => a.Id).ToList();
        if (hashes.Count == 0)
        {
            // No tag (older registrations): every dataset version the run read or imported.
            hashes = datasetArtifacts.SelectMany(a => DatasetVersionsOf(a.PropertiesJson)).Distinct(StringComparer.Ordinal).ToList();
        }

        var run = details.Run;
        var runNode = new PipelineRunNodeDto(run.RunId, run.PipelineName, run.SpecHash, run.Status.ToWire(), run.Params.Where(p => !p.Key.StartsWith("cairn.", StringComparison.Ordinal)).ToDictionary(),
            run.TrackingRunId, run.CreatedTime, run.EndTime, run.Error,
            executions.Select(e => new ExecutionNodeDto(
                e.Id, e.StepId, details.StepKinds.GetValueOrDefault(e.StepId), e.Attempt, e.State.ToWire(), e.State == ExecutionState.Cached,
                e.CachedFromExecutionId, e.Error?.Split('\n')[0], e.Metrics.ToDictionary(),
                e.Inputs.Select(i => ToNode(i, producedBy.GetValueOrDefault(i.Artifact.Id))).ToList(),
                e.Outputs.Select(o => ToNode(o, null)).ToList())).ToList());
        return new ModelLineageResponse(node, runNode, await DatasetsAsync(hashes, datasetArtifacts, cancellationToken), null);
    }

    /// <summary>Executions in plan order, attempts in order.</summary>
    private static IEnumerable<ExecutionInfo> Ordered(PipelineRunDetails details)
    {
        var rank = details.StepOrder.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        return details.Executions.OrderBy(e => rank.GetValueOrDefault(e.StepId, int.MaxValue)).ThenBy(e => e.Attempt).ThenBy(e => e.Id);
    }

    private async Task<List<DatasetVersionNodeDto>> DatasetsAsync(IReadOnlyList<string> hashes, IReadOnlyList<LineageArtifact> artifacts, CancellationToken cancellationToken)
    {
        var nodes = new List<DatasetVersionNodeDto>();
        foreach (var hash in hashes)
        {
            var artifact = artifacts.FirstOrDefault(a => Property(a.PropertiesJson, "version") == hash)
                ?? artifacts.FirstOrDefault(a => DatasetVersionsOf(a.PropertiesJson).Contains(hash));
            var name = artifact is null ? null : Property(artifact.PropertiesJson, "name");
            if (name is null)
            {
                var found = await FindByHashAsync(hash, cancellationToken);
                nodes.Add(found is null
                    ? new DatasetVersionNodeDto(hash, null, null, null, null, artifact?.Id)
                    : new DatasetVersionNodeDto(found.Version, found.Name, found.RowCount, found.Format, found.SourceUri, artifact?.Id));
                continue;
            }

            try
            {
                var version = await datasets.Store.GetVersionAsync(name, hash, includeProfile: false, cancellationToken);
                nodes.Add(new DatasetVersionNodeDto(version.Version, version.Name, version.RowCount, version.Format, version.SourceUri, artifact!.Id));
            }
            catch (CairnException e) when (e.Code == ErrorCode.ResourceDoesNotExist)
            {
                var rows = Property(artifact!.PropertiesJson, "row_count");
                nodes.Add(new DatasetVersionNodeDto(hash, name, rows is null ? null : long.Parse(rows, CultureInfo.InvariantCulture), Property(artifact.PropertiesJson, "format"), null, artifact.Id));
            }
        }

        return nodes;
    }

    /// <summary>
    /// A version hash alone does not name its dataset: look through the dataset store (bounded; a lineage
    /// query is rare and the store has no hash index across names).
    /// </summary>
    private async Task<DatasetVersion?> FindByHashAsync(string hash, CancellationToken cancellationToken)
    {
        string? token = null;
        var scanned = 0;
        do
        {
            var page = await datasets.Store.ListDatasetsAsync(MaxDatasetsPerPage, token, cancellationToken);
            foreach (var summary in page.Items)
            {
                var match = (await datasets.Store.ListVersionsAsync(summary.Name, cancellationToken)).FirstOrDefault(v => v.Version == hash);
                if (match is not null)
                {
                    return match;
                }
            }

            scanned += page.Items.Count;
            token = page.NextPageToken;
        }
        while (token is not null && scanned < MaxDatasetsScanned);

        return null;
    }

    private static ModelVersionNodeDto ToNode(ModelVersion v) => new(
        v.Name, v.Version.ToString(CultureInfo.InvariantCulture), v.Source, v.RunId, v.Status, v.CreationTimestamp, [.. v.Aliases],
        v.Tags.GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Last().Value));

    private static ArtifactNodeDto ToNode(ArtifactSlot slot, string? fromStep) => new(
        slot.Artifact.Id, slot.Slot, slot.Artifact.Type, slot.Artifact.Uri, slot.Artifact.ContentHash, fromStep, DatasetVersionsOf(slot.Artifact.PropertiesJson));

    private static List<string> SplitHashes(string value) =>
        value.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    private static List<string> DatasetVersionsOf(string? propertiesJson)
    {
        using var doc = Parse(propertiesJson);
        return doc is not null && doc.RootElement.TryGetProperty("dataset_versions", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!).ToList()
            : [];
    }

    private static string? Property(string? propertiesJson, string key)
    {
        using var doc = Parse(propertiesJson);
        return doc is not null && doc.RootElement.TryGetProperty(key, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
    }

    private static JsonDocument? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                return doc;
            }

            doc.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null; // Properties are free-form step output; a non-JSON value has nothing to read.
        }
    }
}
