using System.Text.Json.Serialization;

namespace Cairn.Storage.Serving;

/// <summary>One variant as stored in a deployment's (or event's) <c>variants_json</c>; the mode is a name so the rows read well.</summary>
internal sealed record StoredVariant(string Name, string Model, long Version, string? Alias, int Weight, string Mode);

/// <summary>JSON of the serving documents the store keeps as text.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<StoredVariant>))]
internal sealed partial class ServingStorageJsonContext : JsonSerializerContext;
