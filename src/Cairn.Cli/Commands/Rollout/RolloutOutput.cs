using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cairn.Cli.Output;
using Cairn.Contracts.Native.Rollouts;

namespace Cairn.Cli.Commands.Rollout;

/// <summary>Tables, JSON and option parsing of <c>cairn rollout</c>.</summary>
internal static class RolloutOutput
{
    private static readonly JsonSerializerOptions JsonOptions = new(RolloutsJsonContext.Default.Options) { WriteIndented = true };

    public static void Json<T>(TextWriter writer, T value) =>
        writer.WriteLine(JsonSerializer.Serialize(value, (JsonTypeInfo<T>)JsonOptions.GetTypeInfo(typeof(T))));

    public static Table List(IEnumerable<RolloutDto> rollouts)
    {
        var table = new Table("ID", "DEPLOYMENT", "MODEL", "VERSION", "STATE", "STEP", "WEIGHT", "ACTOR", "UPDATED").AlignRight(0).AlignRight(3).AlignRight(6);
        foreach (var r in rollouts)
        {
            table.AddRow(I(r.Id), r.Deployment, r.Model, I(r.Version), r.State, $"{r.Step}/{r.Policy.Steps?.Count}", I(r.Weight) + "%", r.Actor, Formats.Time(r.UpdatedAt));
        }

        return table;
    }

    /// <summary>The rollout, its policy, and the decision timeline with each analysis' numbers.</summary>
    public static void Show(TextWriter output, RolloutDto r)
    {
        var p = r.Policy;
        new Table("FIELD", "VALUE") { ShowHeader = false, MaxCellWidth = 200 }
            .AddRow("Rollout", I(r.Id))
            .AddRow("Deployment", r.Deployment)
            .AddRow("Candidate", $"{r.Model} version {I(r.Version)} as variant '{r.CandidateVariant}'")
            .AddRow("Champions", string.Join(", ", r.Champions.Select(c => $"{c.Name}={c.Model}/{c.Version}:{c.Weight}")))
            .AddRow("State", r.State)
            .AddRow("Step", $"{r.Step}/{p.Steps?.Count} at {I(r.Weight)}% (steps {string.Join(",", p.Steps ?? [])})")
            .AddRow("Policy", $"interval {Formats.Number(p.IntervalSeconds)}s, min_samples {p.MinSamples}, metric {p.Metric}, max_drop {Formats.Number(p.MaxDrop)}, alpha {Formats.Number(p.Alpha)}, " +
                $"max_error_rate {Formats.Number(p.MaxErrorRate)}, max_p99_ms {Formats.Number(p.MaxP99Ms)}, failure_limit {p.FailureLimit}, inconclusive_limit {p.InconclusiveLimit}")
            .AddRow("Failures", $"{r.Failures}, inconclusive {r.Inconclusive}")
            .AddRow("Started", $"{Formats.Time(r.CreatedAt)} by {r.Actor} ({r.Trigger})")
            .AddRow("Updated", Formats.Time(r.UpdatedAt))
            .Write(output);
        if (r.Decisions is not { Count: > 0 } decisions)
        {
            return;
        }

        output.WriteLine();
        var table = new Table("TIME", "STEP", "WEIGHT", "ACTION", "ACTOR", "CANARY", "CHAMPION", "TEST", "REASON") { MaxCellWidth = 120 }.AlignRight(1).AlignRight(2);
        foreach (var d in decisions)
        {
            var n = d.Numbers;
            table.AddRow(
                Formats.Time(d.Timestamp), I(d.Step), I(d.Weight) + "%", d.Action, d.Actor,
                n is null ? "" : Arm(n.Candidate), n is null ? "" : Arm(n.Champion),
                n?.Test is null ? "" : $"{n.Test} {Formats.Number(n.Statistic)} p={Formats.Number(n.PValue)}",
                d.Reason);
        }

        table.Write(output);
    }

    public static List<int>? ParseSteps(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var steps = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            steps.Add(int.TryParse(part.TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture, out var step)
                ? step
                : throw new CliUsageException($"Invalid --steps '{text}': give percentages separated by commas, e.g. 10,25,50,100."));
        }

        return steps;
    }

    /// <summary>Seconds from <c>30</c>, <c>30s</c>, <c>5m</c> or <c>1h</c>.</summary>
    public static double? ParseInterval(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var unit = text[^1] switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => 0 };
        var number = unit == 0 ? text : text[..^1];
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value)
            ? value * Math.Max(unit, 1)
            : throw new CliUsageException($"Invalid --interval '{text}': give seconds or a duration such as 30s, 5m or 1h.");
    }

    private static string Arm(RolloutArmDto a) =>
        $"req {a.Requests} err {a.Errors} p99 {Formats.Number(a.P99Ms)}ms n={a.Labelled} metric {Formats.Number(a.MetricValue)}";

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
