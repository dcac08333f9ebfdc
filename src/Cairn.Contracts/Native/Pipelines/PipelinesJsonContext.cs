using System.Text.Json.Serialization;

namespace Cairn.Contracts.Native.Pipelines;

/// <summary>Source-generated JSON of the native pipelines API (snake_case, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    MaxDepth = 64)]
[JsonSerializable(typeof(SubmitPipelineRunRequest))]
[JsonSerializable(typeof(SubmitPipelineRunResponse))]
[JsonSerializable(typeof(ListPipelinesResponse))]
[JsonSerializable(typeof(ListPipelineRunsResponse))]
[JsonSerializable(typeof(GetPipelineRunResponse))]
[JsonSerializable(typeof(LineageResponse))]
[JsonSerializable(typeof(PipelineValidationErrorResponse))]
public sealed partial class PipelinesJsonContext : JsonSerializerContext;
