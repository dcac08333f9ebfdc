using System.Text.Json.Serialization;

namespace Cairn.Storage.Pipelines;

/// <summary>JSON of the pipeline documents the store keeps as text (run params, step metrics; metrics may be NaN/Infinity).</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, double>))]
internal sealed partial class PipelineStorageJsonContext : JsonSerializerContext;
