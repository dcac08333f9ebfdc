using System.Text.Json.Serialization;

namespace Cairn.Client.Internal;

/// <summary>JSON for the few wire shapes that have no DTO in Cairn.Contracts; same settings as MlflowJsonContext.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(ArtifactListResponse))]
internal sealed partial class ClientJsonContext : JsonSerializerContext;
