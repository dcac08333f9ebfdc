using System.Text.Json.Serialization;

namespace Cairn.Server.Inference;

/// <summary>Source-generated JSON for the few inference values serialized whole (the hot path writes by hand).</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class InferenceJsonContext : JsonSerializerContext;
