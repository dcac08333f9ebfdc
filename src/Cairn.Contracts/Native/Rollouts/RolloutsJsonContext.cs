using System.Text.Json.Serialization;

namespace Cairn.Contracts.Native.Rollouts;

/// <summary>Source-generated JSON of the rollouts API (snake_case, nulls omitted, unknown members rejected).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    MaxDepth = 32)]
[JsonSerializable(typeof(StartRolloutRequest))]
[JsonSerializable(typeof(RolloutActionRequest))]
[JsonSerializable(typeof(RolloutResponse))]
[JsonSerializable(typeof(ListRolloutsResponse))]
public sealed partial class RolloutsJsonContext : JsonSerializerContext;
