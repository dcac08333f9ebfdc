using System.Text.Json.Serialization;

namespace Cairn.Contracts.Native.Pipelines;

/// <summary>Source-generated JSON of applied pipelines and their triggers (snake_case, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    MaxDepth = 64)]
[JsonSerializable(typeof(ApplyPipelineRequest))]
[JsonSerializable(typeof(AppliedPipelineResponse))]
public sealed partial class PipelineTriggersJsonContext : JsonSerializerContext;
