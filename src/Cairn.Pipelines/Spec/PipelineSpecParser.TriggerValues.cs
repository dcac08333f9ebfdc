using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Cairn.Pipelines.Spec;

/// <summary>Typed values of a trigger's mapping, each failure naming the key and the rule.</summary>
public sealed partial class PipelineSpecParser
{
    private static YamlMappingNode? Body(YamlNode body, string kind, string example, HashSet<string> keys, Action<SpecLocation, string> fail)
    {
        if (body is not YamlMappingNode map)
        {
            fail(YamlNodes.At(body), $"'{kind}' must be a mapping such as {{ {example} }}");
            return null;
        }

        var ok = true;
        foreach (var (k, _) in map.Children.Where(c => !keys.Contains(Key(c.Key))))
        {
            ok = false;
            fail(YamlNodes.At(k), $"unknown key '{Key(k)}' in '{kind}' (known keys: {string.Join(", ", keys)})");
        }

        return ok ? map : null;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(c => Key(c.Key) == key).Value;

    private static string? RequiredString(YamlMappingNode map, string key, YamlNode body, string kind, Action<SpecLocation, string> fail)
    {
        if (Child(map, key) is null)
        {
            fail(YamlNodes.At(body), $"'{kind}' is missing required key '{key}'");
            return null;
        }

        return OptionalString(map, key, kind, fail);
    }

    private static string? OptionalString(YamlMappingNode map, string key, string kind, Action<SpecLocation, string> fail)
    {
        if (Child(map, key) is not { } node)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 and <= 256 } text } && text.Trim() == text)
        {
            return text;
        }

        fail(YamlNodes.At(node), $"'{kind}.{key}' must be a non-empty name (at most 256 characters)");
        return null;
    }

    private static double? OptionalNumber(YamlMappingNode map, string key, string kind, Action<SpecLocation, string> fail, double min, double max)
    {
        if (Child(map, key) is not { } node)
        {
            return null;
        }

        // YAML typed the scalar (an integer is a long here): only numbers count, "0.5" in quotes does not.
        if (node is YamlScalarNode && YamlNodes.ToJson(node) is JsonValue { } v && v.GetValueKind() == JsonValueKind.Number
            && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && d >= min && d <= max)
        {
            return d;
        }

        var range = min == 0 && max == 1 ? " between 0 and 1" : min == 0 ? " of at least 0" : "";
        fail(YamlNodes.At(node), $"'{kind}.{key}' must be a number{range}");
        return null;
    }

    private static int? Reports(YamlMappingNode map, string kind, Action<SpecLocation, string> fail)
    {
        if (Child(map, "reports") is not { } node)
        {
            return TriggerDefaults.Reports;
        }

        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, out var n) && n is >= 1 and <= MaxReports)
        {
            return n;
        }

        fail(YamlNodes.At(node), $"'{kind}.reports' must be a whole number from 1 to {MaxReports} (consecutive reports that must agree)");
        return null;
    }
}
