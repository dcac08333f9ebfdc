using System.Text.Json.Nodes;

namespace Cairn.Pipelines.Spec;

/// <summary>A parsed, structurally valid pipeline spec (params not yet applied).</summary>
public sealed record PipelineSpec(
    string File,
    string Name,
    IReadOnlyList<ParamSpec> Params,
    IReadOnlyList<StepSpec> Steps,
    JsonArray Triggers)
{
    /// <summary>The parsed <c>triggers:</c> entries, in spec order.</summary>
    public IReadOnlyList<TriggerSpec> TriggerSpecs { get; init; } = [];

    public StepSpec? Step(string id) => Steps.FirstOrDefault(s => s.Id == id);
}

/// <summary>A declared param and its default value (typed as YAML resolved it).</summary>
public sealed record ParamSpec(string Name, JsonNode? Default, SpecLocation Location);

/// <summary>
/// One step: its kind, upstream steps (declared and implied by <c>${steps.x.outputs.y}</c> references),
/// its configuration with references still unresolved, and the platform's per-step policies.
/// </summary>
public sealed record StepSpec(
    string Id,
    string Uses,
    IReadOnlyList<string> Needs,
    JsonObject With,
    int Retries,
    TimeSpan? Timeout,
    bool Cache,
    SpecLocation Location,
    IReadOnlyDictionary<string, SpecLocation> WithLocations);
