using System.Text.Json.Serialization;
using Cairn.Core.Monitoring;

namespace Cairn.Storage.Monitoring;

/// <summary>JSON of the monitoring documents the store keeps as text (reports, drift overrides); NaN scores round-trip.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(MonitorReport))]
[JsonSerializable(typeof(DriftSettings))]
internal sealed partial class MonitoringStorageJsonContext : JsonSerializerContext;
