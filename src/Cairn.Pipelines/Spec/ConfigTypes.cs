using System.Text.Json;
using System.Text.Json.Nodes;
using Cairn.Pipelines.Steps;

namespace Cairn.Pipelines.Spec;

/// <summary>Checks JSON values against <see cref="ConfigType"/>s and names kinds of value for messages.</summary>
internal static class ConfigTypes
{
    public static bool Matches(JsonNode? value, ConfigType type) => type switch
    {
        ConfigType.Any => true,
        ConfigType.String => Kind(value) is JsonValueKind.String,
        ConfigType.Integer => value is JsonValue v && v.TryGetValue<long>(out _),
        ConfigType.Number => Kind(value) is JsonValueKind.Number,
        ConfigType.Boolean => Kind(value) is JsonValueKind.True or JsonValueKind.False,
        ConfigType.StringList => value is JsonArray a && a.All(i => Kind(i) is JsonValueKind.String),
        ConfigType.StringMap => value is JsonObject o && o.All(p => Kind(p.Value) is JsonValueKind.String),
        ConfigType.List => value is JsonArray,
        ConfigType.Map => value is JsonObject,
        _ => false,
    };

    public static string Describe(ConfigType type) => type switch
    {
        ConfigType.String => "a string",
        ConfigType.Integer => "an integer",
        ConfigType.Number => "a number",
        ConfigType.Boolean => "a boolean",
        ConfigType.StringList => "a list of strings",
        ConfigType.StringMap => "a map of strings",
        ConfigType.List => "a list",
        ConfigType.Map => "a map",
        _ => "any value",
    };

    public static string Describe(JsonNode? value) => Kind(value) switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "a list",
        _ => "a map",
    };

    private static JsonValueKind Kind(JsonNode? value) => value?.GetValueKind() ?? JsonValueKind.Null;
}
