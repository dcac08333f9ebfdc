using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cairn.Core.Errors;

namespace Cairn.Pipelines.Steps.Ml;

/// <summary>Typed reads of a step's <c>with:</c> block; a wrong value is INVALID_PARAMETER_VALUE naming the key.</summary>
internal static class MlConfig
{
    public static string? String(JsonObject config, string key) => config[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        var other => throw Invalid(key, $"must be a string, not {other.GetValueKind().ToString().ToLowerInvariant()}"),
    };

    public static string RequiredString(JsonObject config, string key) =>
        String(config, key) is { Length: > 0 } s ? s : throw Invalid(key, "is required");

    public static double? Number(JsonObject config, string key)
    {
        var node = config[key];
        if (node is null)
        {
            return null;
        }

        // YAML integers arrive as long values: read any JSON number through its text.
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            return double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        // Params substituted inside strings arrive as text.
        return node is JsonValue s && s.TryGetValue<string>(out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw Invalid(key, "must be a number");
    }

    public static IReadOnlyList<string> StringList(JsonObject config, string key) => config[key] switch
    {
        null => [],
        JsonArray a => [.. a.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Invalid(key, "must be a list of strings"))],
        JsonValue v when v.TryGetValue<string>(out var s) => [.. s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        _ => throw Invalid(key, "must be a list of strings"),
    };

    /// <summary>A map of scalars as invariant strings (hyperparameters).</summary>
    public static Dictionary<string, string> ScalarMap(JsonObject config, string key)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (config[key] is null)
        {
            return map;
        }

        if (config[key] is not JsonObject o)
        {
            throw Invalid(key, "must be a map");
        }

        foreach (var (name, value) in o)
        {
            map[name] = value switch
            {
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
                JsonValue v => v.ToJsonString(),
                _ => throw Invalid($"{key}.{name}", "must be a scalar"),
            };
        }

        return map;
    }

    public static CairnException Invalid(string key, string rule) =>
        CairnException.InvalidParameter($"Invalid value for 'with.{key}': it {rule}.");
}
