using System.Text.Json.Serialization;

namespace Cairn.Storage.Pipelines;

/// <summary>JSON of the pipeline documents the store keeps as text (run params).</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class PipelineStorageJsonContext : JsonSerializerContext;
