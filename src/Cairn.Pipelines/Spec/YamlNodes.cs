using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cairn.Pipelines.Spec;

/// <summary>Converts YAML nodes to JSON values with YAML 1.2 core-schema typing of plain scalars.</summary>
internal static class YamlNodes
{
    public static SpecLocation At(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

    /// <summary>Converts a node; <paramref name="onString"/> sees every string scalar with its location.</summary>
    public static JsonNode? ToJson(YamlNode node, Action<string, SpecLocation>? onString = null)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    obj[((YamlScalarNode)key).Value ?? ""] = ToJson(value, onString);
                }

                return obj;
            case YamlSequenceNode seq:
                var array = new JsonArray();
                foreach (var item in seq.Children)
                {
                    array.Add(ToJson(item, onString));
                }

                return array;
            case YamlScalarNode scalar:
                var typed = Scalar(scalar);
                if (typed is JsonValue v && v.TryGetValue<string>(out var s))
                {
                    onString?.Invoke(s, At(scalar));
                }

                return typed;
            default:
                return null;
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (text is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return JsonValue.Create(l);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && text.Any(char.IsDigit))
        {
            return JsonValue.Create(d);
        }

        return JsonValue.Create(text);
    }
}
