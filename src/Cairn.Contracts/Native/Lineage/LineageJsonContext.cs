using System.Text.Json.Serialization;

namespace Cairn.Contracts.Native.Lineage;

/// <summary>Source-generated JSON of the native lineage API (snake_case, nulls omitted, NaN metrics as strings).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    MaxDepth = 64)]
[JsonSerializable(typeof(ModelLineageResponse))]
public sealed partial class LineageJsonContext : JsonSerializerContext;
