using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Core.Errors;

namespace Cairn.Pipelines.Steps.Ml;

/// <summary>
/// One gate of <c>model.evaluate</c>: a threshold (<c>min</c>/<c>max</c>) on a metric, or a comparison
/// with a registered version (<c>compare_to: alias:champion</c> or <c>version:3</c> of <c>model</c>)
/// allowing at most <c>max_drop</c> of degradation.
/// </summary>
public sealed record EvaluationGate(string Metric)
{
    public double? Min { get; init; }

    public double? Max { get; init; }

    public string? CompareTo { get; init; }

    public string? Model { get; init; }

    public double MaxDrop { get; init; }
}

/// <summary>How one gate went; <see cref="Reason"/> names the metric, the value and the threshold.</summary>
public sealed record GateResult(EvaluationGate Gate, bool Passed, string Reason);

/// <summary>Parses and evaluates gates. Error metrics (rmse, mse, mae, log_loss) are better when lower.</summary>
public static class EvaluationGates
{
    private static readonly HashSet<string> LowerIsBetter = new(StringComparer.Ordinal) { "rmse", "mse", "mae", "log_loss" };

    public static bool IsLowerBetter(string metric) => LowerIsBetter.Contains(metric);

    public static IReadOnlyList<EvaluationGate> Parse(JsonNode? node)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray list)
        {
            throw MlConfig.Invalid("gates", "must be a list of maps");
        }

        var gates = new List<EvaluationGate>();
        for (var i = 0; i < list.Count; i++)
        {
            var key = $"gates[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (list[i] is not JsonObject o)
            {
                throw MlConfig.Invalid(key, "must be a map with 'metric' and 'min', 'max' or 'compare_to'");
            }

            foreach (var name in o.Select(kv => kv.Key).Where(k => k is not ("metric" or "min" or "max" or "compare_to" or "model" or "max_drop")))
            {
                throw MlConfig.Invalid($"{key}.{name}", "is not a gate key (metric, min, max, compare_to, model, max_drop)");
            }

            var gate = new EvaluationGate(MlConfig.String(o, "metric") is { Length: > 0 } m ? m : throw MlConfig.Invalid($"{key}.metric", "is required"))
            {
                Min = MlConfig.Number(o, "min"),
                Max = MlConfig.Number(o, "max"),
                CompareTo = MlConfig.String(o, "compare_to"),
                Model = MlConfig.String(o, "model"),
                MaxDrop = MlConfig.Number(o, "max_drop") ?? 0,
            };
            if (gate.CompareTo is null && gate.Min is null && gate.Max is null)
            {
                throw MlConfig.Invalid(key, "needs 'min', 'max' or 'compare_to'");
            }

            if (gate.CompareTo is not null && string.IsNullOrEmpty(gate.Model))
            {
                throw MlConfig.Invalid($"{key}.model", "is required with compare_to (the registered model name)");
            }

            gates.Add(gate);
        }

        return gates;
    }

    /// <summary>
    /// Evaluates every gate (not only up to the first failure). <paramref name="baseline"/> gives the
    /// compared version's value of the metric, or null when there is no such version (the gate passes).
    /// </summary>
    public static async Task<IReadOnlyList<GateResult>> EvaluateAsync(
        IReadOnlyDictionary<string, double> metrics, IReadOnlyList<EvaluationGate> gates,
        Func<EvaluationGate, CancellationToken, Task<(double? Value, string Note)>> baseline, CancellationToken cancellationToken)
    {
        var results = new List<GateResult>();
        foreach (var gate in gates)
        {
            if (!metrics.TryGetValue(gate.Metric, out var value))
            {
                results.Add(new GateResult(gate, false, $"{gate.Metric} is not a metric of this evaluation (it has {string.Join(", ", metrics.Keys.Order(StringComparer.Ordinal))})"));
                continue;
            }

            if (gate.Min is { } min)
            {
                results.Add(new GateResult(gate, value >= min, $"{gate.Metric} = {F(value)} {(value >= min ? ">=" : "<")} min {F(min)}"));
            }

            if (gate.Max is { } max)
            {
                results.Add(new GateResult(gate, value <= max, $"{gate.Metric} = {F(value)} {(value <= max ? "<=" : ">")} max {F(max)}"));
            }

            if (gate.CompareTo is { } target)
            {
                var (reference, note) = await baseline(gate, cancellationToken);
                if (reference is not { } r)
                {
                    results.Add(new GateResult(gate, true, $"{gate.Metric}: no {gate.Model} {target} to compare with ({note}); passed"));
                    continue;
                }

                var drop = IsLowerBetter(gate.Metric) ? value - r : r - value;
                var passed = drop <= gate.MaxDrop + 1e-12;
                // The note names the compared version, so the report changes (and what reads it re-runs) when the alias moves.
                results.Add(new GateResult(gate, passed,
                    $"{gate.Metric} = {F(value)} vs {F(r)} for {gate.Model} {target}: {(drop > 0 ? "worse" : "not worse")} by {F(Math.Max(drop, 0))} {(passed ? "<=" : ">")} max_drop {F(gate.MaxDrop)}"
                    + (note.Length > 0 ? $" ({note})" : "")));
            }
        }

        return results;
    }

    /// <summary>Splits <c>alias:champion</c> / <c>version:3</c> (a bare word is an alias).</summary>
    public static (string Kind, string Value) ParseTarget(string target)
    {
        var colon = target.IndexOf(':', StringComparison.Ordinal);
        var (kind, value) = colon < 0 ? ("alias", target) : (target[..colon], target[(colon + 1)..]);
        return kind is "alias" or "version" && value.Length > 0
            ? (kind, value)
            : throw CairnException.InvalidParameter($"Invalid value '{target}' for 'with.gates[].compare_to': use alias:NAME or version:N.");
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
