using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cairn.Pipelines.Steps;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cairn.Pipelines.Spec;

/// <summary>The outcome of parsing: a spec when there were no problems, otherwise every problem found.</summary>
public sealed record SpecParseResult(PipelineSpec? Spec, IReadOnlyList<SpecProblem> Problems);

/// <summary>
/// Parses and validates a pipeline spec without running anything. It keeps going after a problem so a
/// user sees every mistake of a file at once, each with its line and column.
/// </summary>
public sealed partial class PipelineSpecParser(StepCatalog catalog)
{
    private static readonly HashSet<string> TopKeys = ["name", "description", "params", "steps", "triggers"];
    private static readonly HashSet<string> StepKeys = ["uses", "needs", "with", "retries", "timeout", "cache", "description"];
    private const int MaxRetries = 20;

    private readonly StepCatalog _catalog = catalog;

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_\-]{0,99}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,255}$")]
    private static partial Regex NamePattern();

    public SpecParseResult Parse(string yaml, string file)
    {
        var problems = new List<SpecProblem>();
        void Problem(SpecLocation at, string reason) => problems.Add(new SpecProblem(file, at.Line, at.Column, reason));

        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                Problem(stream.Documents.Count == 0 ? new SpecLocation(1, 1) : YamlNodes.At(stream.Documents[0].RootNode),
                    "a pipeline spec must be a YAML mapping with 'name' and 'steps'");
                return new SpecParseResult(null, problems);
            }

            root = map;
        }
        catch (YamlException e)
        {
            var reason = e.InnerException is { } inner ? inner.Message : e.Message;
            Problem(new SpecLocation((int)e.Start.Line, (int)e.Start.Column), "malformed YAML: " + StripMark(reason));
            return new SpecParseResult(null, problems);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner fails this way on some truncated flow collections; it has no mark then.
            Problem(new SpecLocation(yaml.Split('\n').Length, 1), "malformed YAML: " + e.Message);
            return new SpecParseResult(null, problems);
        }

        var name = "";
        var paramSpecs = new List<ParamSpec>();
        var triggers = new JsonArray();
        YamlNode? triggersNode = null;
        YamlMappingNode? stepsNode = null;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = Key(keyNode);
            switch (key)
            {
                case "name":
                    name = value is YamlScalarNode { Value: { } n } ? n : "";
                    if (!NamePattern().IsMatch(name))
                    {
                        Problem(YamlNodes.At(value), "'name' must be 1-256 letters, digits, '_', '-' or '.', starting with a letter or digit");
                    }

                    break;
                case "description":
                    break;
                case "params":
                    ParseParams(value, paramSpecs, Problem);
                    break;
                case "steps":
                    stepsNode = value as YamlMappingNode;
                    if (stepsNode is null)
                    {
                        Problem(YamlNodes.At(value), "'steps' must be a mapping of step id to step");
                    }

                    break;
                case "triggers":
                    // Interpreted by the trigger service of an applied pipeline, not by the run engine; checked
                    // after the loop because their params must be declared ones, wherever 'params' is in the file.
                    triggersNode = value;
                    if (YamlNodes.ToJson(value) is JsonArray list)
                    {
                        triggers = list;
                    }

                    break;
                default:
                    Problem(YamlNodes.At(keyNode), $"unknown key '{key}' (expected one of: {string.Join(", ", TopKeys.Order())})");
                    break;
            }
        }

        if (!root.Children.Keys.Any(k => Key(k) == "name"))
        {
            Problem(YamlNodes.At(root), "missing required key 'name'");
        }

        var declared = paramSpecs.Select(p => p.Name).ToHashSet();
        var triggerSpecs = triggersNode is null ? [] : ParseTriggers(triggersNode, declared, Problem);
        var steps = new List<StepSpec>();
        if (stepsNode is null)
        {
            if (!root.Children.Keys.Any(k => Key(k) == "steps"))
            {
                Problem(YamlNodes.At(root), "missing required key 'steps'");
            }
        }
        else
        {
            if (stepsNode.Children.Count == 0)
            {
                Problem(YamlNodes.At(stepsNode), "'steps' must define at least one step");
            }

            var declaredParams = paramSpecs.Select(p => p.Name).ToHashSet();
            var stepIds = stepsNode.Children.Keys.Select(Key).ToHashSet();
            foreach (var (keyNode, value) in stepsNode.Children)
            {
                if (ParseStep(keyNode, value, declaredParams, stepIds, Problem) is { } step)
                {
                    steps.Add(step);
                }
            }

            CheckCycles(steps, Problem);
        }

        return problems.Count > 0
            ? new SpecParseResult(null, problems)
            : new SpecParseResult(new PipelineSpec(file, name, paramSpecs, steps, triggers) { TriggerSpecs = triggerSpecs }, []);
    }

    private static void ParseParams(YamlNode value, List<ParamSpec> paramSpecs, Action<SpecLocation, string> problem)
    {
        if (value is not YamlMappingNode map)
        {
            problem(YamlNodes.At(value), "'params' must be a mapping of param name to default value");
            return;
        }

        foreach (var (keyNode, defaultNode) in map.Children)
        {
            var key = Key(keyNode);
            if (!IdPattern().IsMatch(key))
            {
                problem(YamlNodes.At(keyNode), $"invalid param name '{key}': use letters, digits, '_' or '-'");
            }
            else if (defaultNode is not YamlScalarNode)
            {
                problem(YamlNodes.At(defaultNode), $"param '{key}' must have a scalar default (string, number or boolean)");
            }
            else
            {
                paramSpecs.Add(new ParamSpec(key, YamlNodes.ToJson(defaultNode), YamlNodes.At(keyNode)));
            }
        }
    }

    internal static string Key(YamlNode node) => node is YamlScalarNode { Value: { } v } ? v : "";

    // YamlDotNet prefixes messages with "(Line: x, Col: y, ...)": the problem already carries the position.
    private static string StripMark(string message) =>
        message.StartsWith('(') && message.IndexOf("): ", StringComparison.Ordinal) is > 0 and var i ? message[(i + 3)..] : message;
}
