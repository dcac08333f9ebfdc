using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cairn.Core.Pipelines;

namespace Cairn.Server.Ui.Pages.Monitoring;

/// <summary>A drift or performance trigger of an applied pipeline, watching a deployment's monitor reports.</summary>
public sealed record MonitorTrigger(string Pipeline, string Deployment, TriggerState State);

/// <summary>A pipeline run a monitor trigger started, with the trigger's reason and the report it names.</summary>
public sealed record TriggerFire(string Pipeline, string RunId, long Time, string Status, string Reason, long? ReportId);

/// <summary>
/// Which pipeline triggers watch monitor reports, and which runs they started: the pipeline engine
/// records a fire's reason as the run's trigger text, <c>drift: deployment NAME report ID, ...</c>
/// (see TriggerService), so the monitoring pages read fires from the runs, not from a second log.
/// </summary>
public static partial class TriggerFires
{
    /// <summary>The trigger kinds that read monitor reports.</summary>
    public static IReadOnlyList<string> MonitorKinds { get; } = ["drift", "performance"];

    /// <summary>The monitor triggers of <paramref name="pipelines"/>, of one deployment when it is given.</summary>
    public static IReadOnlyList<MonitorTrigger> Watching(IEnumerable<AppliedPipeline> pipelines, string? deployment)
    {
        ArgumentNullException.ThrowIfNull(pipelines);
        var triggers = new List<MonitorTrigger>();
        foreach (var pipeline in pipelines)
        {
            foreach (var state in pipeline.Triggers.Where(t => MonitorKinds.Contains(t.Kind)))
            {
                if (DeploymentOf(state) is { } watched && (deployment is null || watched == deployment))
                {
                    triggers.Add(new MonitorTrigger(pipeline.Name, watched, state));
                }
            }
        }

        return triggers;
    }

    /// <summary>The runs among <paramref name="runs"/> that a monitor trigger started (of one deployment when given), newest first.</summary>
    public static IReadOnlyList<TriggerFire> Fires(IEnumerable<PipelineRunInfo> runs, string? deployment)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return [.. runs
            .Where(r => MonitorKinds.Any(k => r.Trigger.StartsWith(k + ": deployment ", StringComparison.Ordinal))
                && (deployment is null || MonitorKinds.Any(k => r.Trigger.StartsWith($"{k}: deployment {deployment} ", StringComparison.Ordinal))))
            .OrderByDescending(r => r.CreatedTime)
            .Select(r => new TriggerFire(r.PipelineName, r.RunId, r.CreatedTime, r.Status.ToWire(), r.Trigger, ReportId(r.Trigger)))];
    }

    /// <summary>The deployment a drift/performance trigger's stored definition names (<c>{"drift": {"deployment": ...}}</c>).</summary>
    public static string? DeploymentOf(TriggerState trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        try
        {
            return JsonNode.Parse(trigger.DefinitionJson)?[trigger.Kind]?["deployment"] is JsonValue value && value.TryGetValue<string>(out var name) ? name : null;
        }
        catch (JsonException)
        {
            // A definition this page cannot read is not shown as watching anything.
            return null;
        }
    }

    /// <summary>The report a reason names (<c>... report 12, ...</c>), if any.</summary>
    public static long? ReportId(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var match = ReportPattern().Match(reason);
        return match.Success && long.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    [GeneratedRegex(@"\breport (\d{1,18})\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReportPattern();
}
