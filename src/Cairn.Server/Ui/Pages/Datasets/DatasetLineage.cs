using Cairn.Core.Pipelines;

namespace Cairn.Server.Ui.Pages.Datasets;

/// <summary>A pipeline run that touched a dataset version: what its steps read and produced from it.</summary>
public sealed record DatasetLineageRow(
    string PipelineRunId, string PipelineName, long CreatedTime, string? TrackingRunId,
    IReadOnlyList<string> Produced, IReadOnlyList<string> Consumed);

/// <summary>A validation report of a dataset version, published by a pipeline's data.validate step.</summary>
public sealed record ValidationSource(string PipelineRunId, string PipelineName, string StepId, ExecutionState State, long CreatedTime, string ReportUri);

/// <summary>Turns a dataset version's uses (from the pipelines store) into the page's lineage and validation lists.</summary>
public static class DatasetLineage
{
    public const string ValidationReportFile = "validation.json";

    /// <summary>One row per pipeline run, newest first; each step named once per direction, in execution order.</summary>
    public static IReadOnlyList<DatasetLineageRow> Rows(IReadOnlyList<DatasetVersionUse> uses) =>
        [.. uses.GroupBy(u => u.RunId, StringComparer.Ordinal)
            .Select(g => new DatasetLineageRow(
                g.Key, g.First().PipelineName, g.First().RunCreatedTime, g.First().TrackingRunId,
                Steps(g.Where(u => u.Kind == LineageEventKind.Output)),
                Steps(g.Where(u => u.Kind == LineageEventKind.Input))))
            .OrderByDescending(r => r.CreatedTime).ThenBy(r => r.PipelineRunId, StringComparer.Ordinal)];

    /// <summary>The validation reports among the uses (report artifacts named validation.json), newest first, at most <paramref name="max"/>.</summary>
    public static IReadOnlyList<ValidationSource> Validations(IReadOnlyList<DatasetVersionUse> uses, int max) =>
        [.. uses.Where(u => u.Kind == LineageEventKind.Output && u.Artifact.Type == "report"
                && u.Artifact.Uri.EndsWith("/" + ValidationReportFile, StringComparison.Ordinal))
            .DistinctBy(u => u.Artifact.Id)
            .OrderByDescending(u => u.RunCreatedTime).ThenByDescending(u => u.ExecutionId)
            .Take(max)
            .Select(u => new ValidationSource(u.RunId, u.PipelineName, u.StepId, u.State, u.RunCreatedTime, u.Artifact.Uri))];

    private static IReadOnlyList<string> Steps(IEnumerable<DatasetVersionUse> uses) =>
        [.. uses.OrderBy(u => u.ExecutionId).Select(u => u.StepId).Distinct(StringComparer.Ordinal)];
}
