using Cairn.Core.Pipelines;
using Cairn.Pipelines;

namespace Cairn.Server.Ui.Pages.Pipelines;

/// <summary>One step of a run as the page shows it: its kind, display state, latest attempt and every attempt.</summary>
public sealed record StepRow(string StepId, string Kind, string State, ExecutionInfo? Latest, IReadOnlyList<ExecutionInfo> Attempts, IReadOnlyList<string> Needs);

/// <summary>Turns a run's details (plan order, kinds, needs, executions) into step rows and the DAG drawing.</summary>
public static class RunSteps
{
    /// <summary>Steps in plan order; a step with no execution yet is pending. Executions of steps not in the plan are appended.</summary>
    public static IReadOnlyList<StepRow> Rows(PipelineRunDetails details)
    {
        var attempts = details.Executions.GroupBy(e => e.StepId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ExecutionInfo>)g.OrderBy(e => e.Attempt).ToList(), StringComparer.Ordinal);
        var order = details.StepOrder.Concat(attempts.Keys.Where(k => !details.StepOrder.Contains(k)).Order(StringComparer.Ordinal));
        return order.Select(id =>
        {
            var list = attempts.GetValueOrDefault(id) ?? [];
            var latest = list.Count > 0 ? list[^1] : null;
            return new StepRow(id, details.StepKinds.GetValueOrDefault(id) ?? "", StepStates.Of(latest?.State), latest, list, details.StepNeeds.GetValueOrDefault(id) ?? []);
        }).ToList();
    }

    /// <summary>The laid-out DAG of the steps: second line = kind, plus the attempt when it was retried.</summary>
    public static DagDrawing Drawing(IReadOnlyList<StepRow> rows) => DagLayout.Compute(
        rows.Select(r => new DagStep(r.StepId, r.Latest is { Attempt: > 1 } e ? $"{r.Kind} · attempt {e.Attempt}" : r.Kind, r.State)).ToList(),
        rows.SelectMany(r => r.Needs.Select(n => new DagDependency(n, r.StepId))).ToList());
}
