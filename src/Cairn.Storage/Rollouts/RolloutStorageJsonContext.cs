using System.Text.Json.Serialization;
using Cairn.Core.Monitoring;

namespace Cairn.Storage.Rollouts;

/// <summary>JSON of the rollout documents the store keeps as text (policy, analysis numbers).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RolloutPolicy))]
[JsonSerializable(typeof(RolloutNumbers))]
internal sealed partial class RolloutStorageJsonContext : JsonSerializerContext;
