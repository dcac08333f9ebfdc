using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cairn.Client.Predictions;

/// <summary>JSON of the prediction, feedback and deployment-lookup calls (its own context: see CONVENTIONS on splitting contexts).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(PredictResponse))]
[JsonSerializable(typeof(FeedbackRequest))]
[JsonSerializable(typeof(ServingDeployment))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class PredictionsJsonContext : JsonSerializerContext;
