using System.Text.Json.Serialization;
using Cairn.Training.Baseline;

namespace Cairn.Training.Bundles;

/// <summary>Source-generated JSON for bundle.json and baseline.json: snake_case, nulls omitted, NaN allowed.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(BundleManifest))]
[JsonSerializable(typeof(BaselineModel))]
internal sealed partial class BundleJsonContext : JsonSerializerContext;
