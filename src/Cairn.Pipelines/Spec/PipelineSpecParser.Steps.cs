using System.Text.Json.Nodes;
using Cairn.Pipelines.Steps;
using YamlDotNet.RepresentationModel;

namespace Cairn.Pipelines.Spec;

public sealed partial class PipelineSpecParser
{
    private StepSpec? ParseStep(YamlNode keyNode, YamlNode value, HashSet<string> declaredParams, HashSet<string> stepIds, Action<SpecLocation, string> problem)
    {
        var id = Key(keyNode);
        var at = YamlNodes.At(keyNode);
        var ok = true;
        void Fail(SpecLocation where, string reason)
        {
            ok = false;
            problem(where, $"step '{id}': {reason}");
        }

        if (!IdPattern().IsMatch(id))
        {
            Fail(at, "invalid step id: use letters, digits, '_' or '-', starting with a letter or '_'");
        }

        if (value is not YamlMappingNode map)
        {
            Fail(YamlNodes.At(value), "a step must be a mapping with at least 'uses'");
            return null;
        }

        string? uses = null;
        var needs = new List<string>();
        var with = new JsonObject();
        var withLocations = new Dictionary<string, SpecLocation>();
        var retries = 0;
        TimeSpan? timeout = null;
        var cache = true;
        foreach (var (k, v) in map.Children)
        {
            var key = Key(k);
            switch (key)
            {
                case "uses":
                    uses = (v as YamlScalarNode)?.Value;
                    if (string.IsNullOrEmpty(uses))
                    {
                        Fail(YamlNodes.At(v), "'uses' must name a step kind");
                    }
                    else if (_catalog.Find(uses) is null)
                    {
                        Fail(YamlNodes.At(v), $"unknown step kind '{uses}' (known kinds: {string.Join(", ", _catalog.Kinds.Order())})");
                    }

                    break;
                case "needs":
                    var items = v switch
                    {
                        YamlSequenceNode seq => seq.Children,
                        YamlScalarNode => [v],
                        _ => null,
                    };
                    if (items is null)
                    {
                        Fail(YamlNodes.At(v), "'needs' must be a step id or a list of step ids");
                        break;
                    }

                    foreach (var item in items)
                    {
                        var need = (item as YamlScalarNode)?.Value ?? "";
                        if (!stepIds.Contains(need))
                        {
                            Fail(YamlNodes.At(item), $"needs unknown step '{need}'");
                        }
                        else if (need == id)
                        {
                            Fail(YamlNodes.At(item), "a step cannot need itself");
                        }
                        else if (!needs.Contains(need))
                        {
                            needs.Add(need);
                        }
                    }

                    break;
                case "with":
                    if (v is not YamlMappingNode withMap)
                    {
                        Fail(YamlNodes.At(v), "'with' must be a mapping");
                        break;
                    }

                    foreach (var (wk, wv) in withMap.Children)
                    {
                        var name = Key(wk);
                        withLocations[name] = YamlNodes.At(wv);
                        with[name] = YamlNodes.ToJson(wv, (text, where) => CheckReferences(text, where, declaredParams, stepIds, id, needs, Fail));
                    }

                    break;
                case "retries":
                    if (v is not YamlScalarNode { Value: { } r } || !int.TryParse(r, out retries) || retries < 0 || retries > MaxRetries)
                    {
                        Fail(YamlNodes.At(v), $"'retries' must be an integer from 0 to {MaxRetries}");
                    }

                    break;
                case "timeout":
                    if (v is YamlScalarNode { Value: { } t } && DurationParser.TryParse(t, out var parsed))
                    {
                        timeout = parsed;
                    }
                    else
                    {
                        Fail(YamlNodes.At(v), "'timeout' must be a positive duration up to 7 days such as 90s, 5m, 2h or 500ms");
                    }

                    break;
                case "cache":
                    if (YamlNodes.ToJson(v) is JsonValue cv && cv.TryGetValue<bool>(out var c))
                    {
                        cache = c;
                    }
                    else
                    {
                        Fail(YamlNodes.At(v), "'cache' must be true or false");
                    }

                    break;
                case "description":
                    break;
                default:
                    Fail(YamlNodes.At(k), $"unknown key '{key}' (expected one of: {string.Join(", ", StepKeys.Order())})");
                    break;
            }
        }

        if (uses is null && !map.Children.Keys.Any(k => Key(k) == "uses"))
        {
            Fail(at, "missing required key 'uses'");
        }

        if (uses is not null && _catalog.Find(uses) is { } kind)
        {
            CheckSchemaKeys(kind.Schema, with, withLocations, at, Fail);
        }

        return ok ? new StepSpec(id, uses!, needs, with, retries, timeout, cache, at, withLocations) : null;
    }

    private static void CheckReferences(string text, SpecLocation where, HashSet<string> declaredParams, HashSet<string> stepIds, string id, List<string> needs, Action<SpecLocation, string> fail)
    {
        foreach (var reference in SpecReferences.Find(text))
        {
            if (reference.Param is { } param)
            {
                if (!declaredParams.Contains(param))
                {
                    fail(where, $"{reference.Text} refers to unknown param '{param}' (declare it under 'params')");
                }
            }
            else if (reference.Step is { } step)
            {
                if (!stepIds.Contains(step) || step == id)
                {
                    fail(where, $"{reference.Text} refers to unknown step '{step}'");
                }
                else if (!needs.Contains(step))
                {
                    // Using an output is depending on its step.
                    needs.Add(step);
                }
            }
            else
            {
                fail(where, $"{reference.Text} is not a valid reference (use ${{params.NAME}} or ${{steps.ID.outputs.NAME}})");
            }
        }
    }

    private static void CheckSchemaKeys(StepConfigSchema schema, JsonObject with, Dictionary<string, SpecLocation> locations, SpecLocation at, Action<SpecLocation, string> fail)
    {
        foreach (var (key, _) in with)
        {
            if (schema.Field(key) is null && !schema.AllowUnknownKeys)
            {
                var known = schema.Fields.Count == 0 ? "it takes no configuration" : "known keys: " + string.Join(", ", schema.Fields.Select(f => f.Name));
                fail(locations[key], $"unknown key '{key}' in 'with' ({known})");
            }
        }

        foreach (var field in schema.Fields.Where(f => f.Required && !with.ContainsKey(f.Name)))
        {
            fail(at, $"missing required key '{field.Name}' in 'with' ({ConfigTypes.Describe(field.Type)})");
        }
    }
}
