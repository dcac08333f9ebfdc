using System.Text.Json.Nodes;
using Cairn.Pipelines.Planning;

namespace Cairn.Pipelines.Spec;

/// <summary>A spec with its params applied: final param values and each step's configuration with params substituted.</summary>
public sealed record ResolvedPipeline(
    PipelineSpec Spec,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, JsonObject> Configs,
    PipelinePlan Plan);

/// <summary>The outcome of compiling a spec: a resolved pipeline, or every problem found.</summary>
public sealed record CompileResult(ResolvedPipeline? Pipeline, IReadOnlyList<SpecProblem> Problems);
