using System.Text.Json.Serialization;
using Cairn.Core;

namespace Cairn.Storage;

/// <summary>JSON for the few values the store keeps as documents (input tags).</summary>
[JsonSerializable(typeof(List<KeyValue>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
