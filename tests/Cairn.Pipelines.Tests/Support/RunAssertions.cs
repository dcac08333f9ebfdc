using Cairn.Core.Pipelines;

namespace Cairn.Pipelines.Tests.Support;

internal static class RunAssertions
{
    /// <summary>The final state of each step (its latest attempt).</summary>
    public static Dictionary<string, ExecutionState> States(this PipelineRunDetails details) =>
        details.Executions.GroupBy(e => e.StepId).ToDictionary(g => g.Key, g => g.MaxBy(e => e.Attempt)!.State);

    public static ExecutionInfo Latest(this PipelineRunDetails details, string stepId) =>
        details.Executions.Where(e => e.StepId == stepId).MaxBy(e => e.Attempt)!;
}
