using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cairn.Pipelines.Steps;

namespace Cairn.Pipelines.Engine;

/// <summary>
/// Cache key of a step attempt: SHA-256 of the step kind, its code version, its resolved configuration
/// as canonical JSON (keys sorted), the content hashes of its inputs by name and the external identities
/// a <see cref="ICacheKeyContributor"/> step reported (files it reads by path, resolved references).
/// </summary>
public static class CacheKeys
{
    private static readonly IReadOnlyDictionary<string, string> NoExternal = new Dictionary<string, string>();

    public static string Compute(IStep step, JsonObject config, IReadOnlyList<StepInput> inputs, IReadOnlyDictionary<string, string>? external = null)
    {
        external ??= NoExternal;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", step.Kind);
            writer.WriteString("code_version", step.CodeVersion);
            writer.WritePropertyName("config");
            WriteCanonical(writer, config);
            writer.WriteStartObject("inputs");
            foreach (var input in inputs.OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                writer.WriteString(input.Name, input.Artifact.ContentHash);
            }

            writer.WriteEndObject();
            // Only written when there is something: keys of steps without external state stay as they were.
            if (external.Count > 0)
            {
                writer.WriteStartObject("external");
                foreach (var (name, identity) in external.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    writer.WriteString(name, identity);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    public static string Canonical(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteCanonical(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                writer.WriteStartObject();
                foreach (var (key, value) in o.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteCanonical(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray a:
                writer.WriteStartArray();
                foreach (var item in a)
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
