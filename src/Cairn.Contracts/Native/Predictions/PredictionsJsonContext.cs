using System.Text.Json.Serialization;

namespace Cairn.Contracts.Native.Predictions;

/// <summary>
/// Source-generated JSON of the prediction log API (snake_case, nulls omitted; a NaN score is written
/// as the string "NaN" rather than failing the response).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(ListPredictionsResponse))]
public sealed partial class PredictionsJsonContext : JsonSerializerContext;
