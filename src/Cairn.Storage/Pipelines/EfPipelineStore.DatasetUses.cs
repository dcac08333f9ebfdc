using Cairn.Core.Pipelines;
using Microsoft.EntityFrameworkCore;

namespace Cairn.Storage.Pipelines;

public sealed partial class EfPipelineStore
{
    /// <summary>
    /// Matches the quoted hash inside the artifacts' properties JSON (dataset artifacts carry
    /// <c>"version"</c> and <c>"dataset_versions"</c>, validation reports <c>"dataset_versions"</c>). The quotes
    /// keep a hash prefix from matching; a hash is lower-case hex, so it holds no LIKE wildcard.
    /// </summary>
    public async Task<IReadOnlyList<DatasetVersionUse>> FindDatasetVersionUsesAsync(string datasetVersion, int maxResults, CancellationToken cancellationToken)
    {
        if (datasetVersion.Length == 0 || !datasetVersion.All(char.IsAsciiHexDigitLower))
        {
            return [];
        }

        var quoted = "\"" + datasetVersion + "\"";
        await using var db = _factory.Create();
        var rows = await (
                from a in db.LineageArtifacts
                where a.PropertiesJson != null && a.PropertiesJson.Contains(quoted)
                join e in db.LineageEvents on a.Id equals e.ArtifactId
                join x in db.Executions on e.ExecutionId equals x.Id
                join r in db.PipelineRuns on x.RunId equals r.RunId
                orderby r.CreatedTime descending, x.Id descending, e.Id
                select new { Artifact = a, Event = e, Execution = x, Pipeline = r.PipelineVersion.Pipeline.Name, r.CreatedTime, r.TrackingRunId })
            .Take(maxResults)
            .ToListAsync(cancellationToken);
        return rows.Select(row => new DatasetVersionUse(
            row.Execution.Id, row.Execution.RunId, row.Pipeline, row.Execution.StepId, row.Execution.Attempt, (ExecutionState)row.Execution.State,
            (LineageEventKind)row.Event.Kind, row.Event.Slot, ToArtifact(row.Artifact), row.CreatedTime, row.TrackingRunId)).ToList();
    }
}
