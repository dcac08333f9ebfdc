using System.Globalization;
using System.Text.Json.Nodes;
using Cairn.Pipelines.Planning;
using Cairn.Pipelines.Steps;

namespace Cairn.Pipelines.Spec;

/// <summary>Applies param overrides (checked against the declared params and their types) and substitutes <c>${params.x}</c>.</summary>
public static class SpecResolver
{
    /// <summary>Run params with this prefix are Cairn's own (not declared in specs).</summary>
    public const string ReservedPrefix = "cairn.";

    public static CompileResult Resolve(PipelineSpec spec, IReadOnlyDictionary<string, string> overrides, StepCatalog catalog)
    {
        var problems = new List<SpecProblem>();
        var values = new Dictionary<string, JsonNode?>();
        foreach (var p in spec.Params)
        {
            values[p.Name] = p.Default?.DeepClone();
        }

        foreach (var (name, text) in overrides)
        {
            if (name.StartsWith(ReservedPrefix, StringComparison.Ordinal))
            {
                continue; // Set by the server for steps (e.g. cairn.working_directory), never substituted.
            }

            var declared = spec.Params.FirstOrDefault(p => p.Name == name);
            if (declared is null)
            {
                var known = spec.Params.Count == 0 ? "the pipeline declares no params" : "declared: " + string.Join(", ", spec.Params.Select(p => p.Name));
                problems.Add(new SpecProblem(spec.File, 1, 1, $"param override '{name}' is not declared ({known})"));
            }
            else if (Convert(text, declared.Default) is { } converted)
            {
                values[name] = converted;
            }
            else
            {
                problems.Add(new SpecProblem(spec.File, declared.Location.Line, declared.Location.Column,
                    $"param override '{name}={text}' is not {ConfigTypes.Describe(declared.Default)} like its default"));
            }
        }

        var configs = new Dictionary<string, JsonObject>();
        foreach (var step in spec.Steps)
        {
            var config = (JsonObject)Substitute(step.With, values)!;
            configs[step.Id] = config;
            if (catalog.Find(step.Uses) is not { } kind)
            {
                continue;
            }

            foreach (var (key, value) in config)
            {
                if (kind.Schema.Field(key) is { } field && !ConfigTypes.Matches(value, field.Type))
                {
                    var at = step.WithLocations[key];
                    problems.Add(new SpecProblem(spec.File, at.Line, at.Column,
                        $"step '{step.Id}': 'with.{key}' must be {ConfigTypes.Describe(field.Type)}, not {ConfigTypes.Describe(value)}"));
                }
            }
        }

        if (problems.Count > 0)
        {
            return new CompileResult(null, problems);
        }

        var strings = values.ToDictionary(kv => kv.Key, kv => Text(kv.Value));
        return new CompileResult(new ResolvedPipeline(spec, strings, configs, new PipelinePlan(spec)), []);
    }

    /// <summary>The text form of a param value, as it is recorded and interpolated into strings.</summary>
    public static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<double>(out var d) && !v.TryGetValue<long>(out _) => d.ToString("R", CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };

    // An override is text from a command line: it takes the type of the declared default.
    private static JsonNode? Convert(string text, JsonNode? declaredDefault)
    {
        if (declaredDefault is not JsonValue d || d.TryGetValue<string>(out _))
        {
            return JsonValue.Create(text);
        }

        if (d.TryGetValue<bool>(out _))
        {
            return text is "true" or "false" ? JsonValue.Create(text == "true") : null;
        }

        if (d.TryGetValue<long>(out _))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? JsonValue.Create(l) : null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : null;
    }

    private static JsonNode? Substitute(JsonNode? node, Dictionary<string, JsonNode?> values) => node switch
    {
        JsonObject o => new JsonObject(o.Select(kv => KeyValuePair.Create(kv.Key, Substitute(kv.Value, values)))),
        JsonArray a => new JsonArray(a.Select(i => Substitute(i, values)).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var s) => SubstituteString(s, values),
        _ => node?.DeepClone(),
    };

    private static JsonNode? SubstituteString(string s, Dictionary<string, JsonNode?> values)
    {
        // A string that is exactly one param reference takes the param's value with its type.
        if (SpecReferences.Whole(s) is { Param: { } whole })
        {
            return values[whole]?.DeepClone();
        }

        return JsonValue.Create(SpecReferences.Replace(s, r => r.Param is { } p ? Text(values[p]) : null));
    }
}
