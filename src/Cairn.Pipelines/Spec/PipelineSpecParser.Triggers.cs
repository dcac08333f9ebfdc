using System.Globalization;
using System.Text.Json.Nodes;
using Cronos;
using YamlDotNet.RepresentationModel;

namespace Cairn.Pipelines.Spec;

public sealed partial class PipelineSpecParser
{
    private static readonly string[] TriggerKinds = ["cron", "data", "drift", "performance"];
    private static readonly HashSet<string> CommonTriggerKeys = ["cooldown", "params"];
    private static readonly HashSet<string> DataKeys = ["dataset"];
    private static readonly HashSet<string> DriftKeys = ["deployment", "variant", "share", "feature", "prediction", "reports"];
    private static readonly HashSet<string> PerformanceKeys = ["deployment", "variant", "metric", "below", "above", "min_labelled", "reports"];
    private const int MaxReports = 100;

    /// <summary>Parses <c>triggers:</c>: a list of entries, each with exactly one kind key and the common options.</summary>
    private static List<TriggerSpec> ParseTriggers(YamlNode value, HashSet<string> declaredParams, Action<SpecLocation, string> problem)
    {
        var triggers = new List<TriggerSpec>();
        if (value is not YamlSequenceNode list)
        {
            problem(YamlNodes.At(value), "'triggers' must be a list (e.g. - cron: \"0 3 * * *\")");
            return triggers;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            var number = i + 1;
            void Fail(SpecLocation at, string reason) => problem(at, $"trigger {number}: {reason}");
            if (ParseTrigger(item, declaredParams, Fail) is not { } trigger)
            {
                continue;
            }

            if (seen.TryGetValue(trigger.Key, out var first))
            {
                Fail(trigger.Location, $"duplicate of trigger {first}");
                continue;
            }

            seen[trigger.Key] = number;
            triggers.Add(trigger);
        }

        return triggers;
    }

    private static TriggerSpec? ParseTrigger(YamlNode item, HashSet<string> declaredParams, Action<SpecLocation, string> fail)
    {
        var at = YamlNodes.At(item);
        if (item is not YamlMappingNode map)
        {
            fail(at, $"a trigger must be a mapping with one of: {string.Join(", ", TriggerKinds)}");
            return null;
        }

        var kinds = map.Children.Where(c => TriggerKinds.Contains(Key(c.Key))).ToList();
        var ok = true;
        void Fail(SpecLocation where, string reason)
        {
            ok = false;
            fail(where, reason);
        }

        foreach (var (k, _) in map.Children.Where(c => !TriggerKinds.Contains(Key(c.Key)) && !CommonTriggerKeys.Contains(Key(c.Key))))
        {
            Fail(YamlNodes.At(k), $"unknown key '{Key(k)}' (expected one of {string.Join(", ", TriggerKinds)} and the options cooldown, params)");
        }

        if (kinds.Count != 1)
        {
            Fail(kinds.Count == 0 ? at : YamlNodes.At(kinds[1].Key),
                kinds.Count == 0 ? $"missing the trigger kind: one of {string.Join(", ", TriggerKinds)}" : "a trigger has exactly one kind; use one list entry per trigger");
            return null;
        }

        var cooldown = TriggerDefaults.Cooldown;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            switch (Key(k))
            {
                case "cooldown":
                    if (v is YamlScalarNode { Value: "0" })
                    {
                        cooldown = TimeSpan.Zero;
                    }
                    else if (v is not YamlScalarNode { Value: { } text } || !DurationParser.TryParse(text, out cooldown))
                    {
                        Fail(YamlNodes.At(v), "'cooldown' must be 0 or a duration up to 7 days such as 30m, 1h or 168h");
                    }

                    break;
                case "params":
                    ParseTriggerParams(v, declaredParams, parameters, Fail);
                    break;
            }
        }

        var (kindKey, body) = kinds[0];
        var kind = Key(kindKey);
        TriggerSpec? trigger = kind switch
        {
            "cron" => ParseCron(body, Fail),
            "data" => ParseData(body, Fail),
            "drift" => ParseDrift(body, Fail),
            _ => ParsePerformance(body, Fail),
        };
        if (!ok || trigger is null)
        {
            return null;
        }

        var json = YamlNodes.ToJson(map)!.ToJsonString();
        var suffix = cooldown == TriggerDefaults.Cooldown ? "" : $", cooldown {FormatDuration(cooldown)}";
        return trigger with
        {
            Key = PipelineCompiler.Hash(json),
            DefinitionJson = json,
            Location = at,
            Cooldown = cooldown,
            Params = parameters,
            Description = trigger.Description + suffix,
        };
    }

    private static void ParseTriggerParams(YamlNode v, HashSet<string> declaredParams, Dictionary<string, string> parameters, Action<SpecLocation, string> fail)
    {
        if (v is not YamlMappingNode map)
        {
            fail(YamlNodes.At(v), "'params' must be a mapping of declared param name to value");
            return;
        }

        foreach (var (pk, pv) in map.Children)
        {
            var name = Key(pk);
            if (!declaredParams.Contains(name))
            {
                fail(YamlNodes.At(pk), $"'params' sets unknown param '{name}' (declare it under the pipeline's 'params')");
            }
            else if (pv is not YamlScalarNode scalar)
            {
                fail(YamlNodes.At(pv), $"param '{name}' must be a scalar (string, number or boolean)");
            }
            else
            {
                parameters[name] = scalar.Value ?? "";
            }
        }
    }

    private static CronTriggerSpec? ParseCron(YamlNode body, Action<SpecLocation, string> fail)
    {
        if (body is not YamlScalarNode { Value: { Length: > 0 } text })
        {
            fail(YamlNodes.At(body), "'cron' must be a cron expression in quotes such as \"0 3 * * *\" (UTC)");
            return null;
        }

        var format = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        if (!CronExpression.TryParse(text.Trim(), format, out var cron))
        {
            fail(YamlNodes.At(body), $"'{text}' is not a valid cron expression (minute hour day-of-month month day-of-week, optionally with seconds first)");
            return null;
        }

        return new CronTriggerSpec(text.Trim(), cron) { Description = $"cron \"{text.Trim()}\" (UTC)" };
    }

    private static DataTriggerSpec? ParseData(YamlNode body, Action<SpecLocation, string> fail)
    {
        if (Body(body, "data", "dataset: NAME", DataKeys, fail) is not { } map)
        {
            return null;
        }

        var dataset = RequiredString(map, "dataset", body, "data", fail);
        return dataset is null ? null : new DataTriggerSpec(dataset) { Description = $"data: new version of dataset {dataset}" };
    }

    private static DriftTriggerSpec? ParseDrift(YamlNode body, Action<SpecLocation, string> fail)
    {
        if (Body(body, "drift", "deployment: NAME", DriftKeys, fail) is not { } map)
        {
            return null;
        }

        var deployment = RequiredString(map, "deployment", body, "drift", fail);
        var variant = OptionalString(map, "variant", "drift", fail);
        var share = OptionalNumber(map, "share", "drift", fail, 0, 1);
        var feature = OptionalString(map, "feature", "drift", fail);
        var prediction = false;
        if (Child(map, "prediction") is { } p)
        {
            if (YamlNodes.ToJson(p) is JsonValue pv && pv.TryGetValue<bool>(out var b))
            {
                prediction = b;
            }
            else
            {
                fail(YamlNodes.At(p), "'drift.prediction' must be true or false");
            }
        }

        var conditions = new[] { share is not null, feature is not null, prediction }.Count(c => c);
        if (conditions > 1)
        {
            fail(YamlNodes.At(body), "'drift' takes at most one of share, feature, prediction (use one trigger per condition)");
            return null;
        }

        var reports = Reports(map, "drift", fail);
        if (deployment is null || reports is null)
        {
            return null;
        }

        var what = share is { } s ? $"drift share >= {Num(s)}" : feature is { } f ? $"feature {f} drifted" : prediction ? "prediction drift" : "dataset drift";
        return new DriftTriggerSpec(deployment, variant, share, feature, prediction, reports.Value)
        {
            Description = $"drift: deployment {deployment}{(variant is null ? "" : $" variant {variant}")}, {what}{Consecutive(reports.Value)}",
        };
    }

    private static PerformanceTriggerSpec? ParsePerformance(YamlNode body, Action<SpecLocation, string> fail)
    {
        if (Body(body, "performance", "deployment: NAME, metric: accuracy, below: 0.7", PerformanceKeys, fail) is not { } map)
        {
            return null;
        }

        var deployment = RequiredString(map, "deployment", body, "performance", fail);
        var variant = OptionalString(map, "variant", "performance", fail);
        var metric = RequiredString(map, "metric", body, "performance", fail);
        var below = OptionalNumber(map, "below", "performance", fail, double.MinValue, double.MaxValue);
        var above = OptionalNumber(map, "above", "performance", fail, double.MinValue, double.MaxValue);
        var minLabelled = OptionalNumber(map, "min_labelled", "performance", fail, 0, long.MaxValue);
        if (Child(map, "below") is null == (Child(map, "above") is null))
        {
            fail(YamlNodes.At(body), "'performance' needs exactly one of below, above");
            return null;
        }

        if (minLabelled is { } m && m != Math.Floor(m))
        {
            fail(YamlNodes.At(Child(map, "min_labelled")!), "'performance.min_labelled' must be a whole number");
            return null;
        }

        var reports = Reports(map, "performance", fail);
        if (deployment is null || metric is null || reports is null || (below is null && above is null))
        {
            return null;
        }

        var labelled = (long)(minLabelled ?? TriggerDefaults.MinLabelled);
        var rule = below is { } lo ? $"{metric} < {Num(lo)}" : $"{metric} > {Num(above!.Value)}";
        return new PerformanceTriggerSpec(deployment, variant, metric, below, above, labelled, reports.Value)
        {
            Description = $"performance: deployment {deployment}{(variant is null ? "" : $" variant {variant}")}, {rule} (at least {labelled} labelled){Consecutive(reports.Value)}",
        };
    }

    private static string Consecutive(int reports) => reports == 1 ? "" : $", {reports} consecutive reports";

    internal static string Num(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    internal static string FormatDuration(TimeSpan d) =>
        d == TimeSpan.Zero ? "0" : d.TotalHours == Math.Floor(d.TotalHours) ? $"{d.TotalHours:0}h" : d.TotalMinutes == Math.Floor(d.TotalMinutes) ? $"{d.TotalMinutes:0}m" : $"{d.TotalSeconds:0.###}s";
}
