using Cairn.Core.Monitoring;

namespace Cairn.Monitoring.Monitors;

/// <summary>
/// Evaluates a deployment's alert rules on one variant's report: a rule that holds and was not firing
/// fires; one that was firing and no longer holds resolves; a rule whose metric the report lacks (no
/// feedback yet, empty window) keeps its state, so a quiet hour neither raises nor clears an alert.
/// </summary>
public static class AlertEvaluator
{
    /// <param name="Firing">Names of the rules firing for the variant after this report, in rule order.</param>
    /// <param name="Changes">Fired/resolved events (report id and time are set when the report is stored).</param>
    public sealed record Result(IReadOnlyList<string> Firing, IReadOnlyList<AlertEvent> Changes);

    public static Result Evaluate(IReadOnlyList<AlertRule> rules, IReadOnlyList<AlertState> states, MonitorReport report)
    {
        var firing = new List<string>();
        var changes = new List<AlertEvent>();
        foreach (var rule in rules)
        {
            var was = states.Any(s => s.Rule == rule.Name && s.Variant == report.Variant);
            var value = AlertMetrics.Value(report, rule.Metric);
            var now = value is { } v ? AlertMetrics.Holds(v, rule.Op, rule.Threshold) : was;
            if (now)
            {
                firing.Add(rule.Name);
            }

            if (now != was)
            {
                changes.Add(new AlertEvent
                {
                    Deployment = report.Deployment,
                    Variant = report.Variant,
                    Rule = rule.Name,
                    Metric = rule.Metric,
                    Op = rule.Op,
                    Threshold = rule.Threshold,
                    State = now ? AlertEventStates.Fired : AlertEventStates.Resolved,
                    Value = value,
                    Timestamp = report.CreatedAt,
                    ReportId = report.Id,
                });
            }
        }

        return new Result(firing, changes);
    }
}
