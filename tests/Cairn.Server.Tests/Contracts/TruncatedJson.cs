using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cairn.Server.Tests.Contracts;

/// <summary>
/// Parses a recorded JSON body, including one the recorder cut short ("...&lt;+N&gt;" at the end): every
/// complete token before the cut is kept, containers left open are closed, and a value cut in half
/// (with its property name) is dropped. A shape check over the result then checks what was recorded.
/// </summary>
public static partial class TruncatedJson
{
    public static bool IsTruncated(string text) => Marker().IsMatch(text);

    /// <summary>Parses <paramref name="text"/>; throws <see cref="JsonException"/> if the untruncated part is not JSON.</summary>
    public static JsonNode? Parse(string text)
    {
        var marker = Marker().Match(text);
        if (!marker.Success)
        {
            return JsonNode.Parse(text);
        }

        var bytes = Encoding.UTF8.GetBytes(text[..marker.Index]);
        var reader = new Utf8JsonReader(bytes, isFinalBlock: false, state: default);
        var open = new Stack<JsonNode>();
        JsonNode? root = null;
        string? property = null;

        void Add(JsonNode? node)
        {
            if (open.Count == 0)
            {
                root = node;
            }
            else if (open.Peek() is JsonObject obj)
            {
                obj[property!] = node;
                property = null;
            }
            else
            {
                ((JsonArray)open.Peek()).Add(node);
            }
        }

        // With isFinalBlock false the reader stops (returns false) at the first token the cut left incomplete.
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    var obj = new JsonObject();
                    Add(obj);
                    open.Push(obj);
                    break;
                case JsonTokenType.StartArray:
                    var array = new JsonArray();
                    Add(array);
                    open.Push(array);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    open.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    break;
                case JsonTokenType.String:
                    Add(JsonValue.Create(reader.GetString()));
                    break;
                case JsonTokenType.Number:
                    Add(JsonValue.Create(reader.GetDouble()));
                    break;
                case JsonTokenType.True or JsonTokenType.False:
                    Add(JsonValue.Create(reader.GetBoolean()));
                    break;
                case JsonTokenType.Null:
                    Add(null);
                    break;
            }
        }

        return root;
    }

    [GeneratedRegex(@"\.\.\.<\+\d+>$")]
    private static partial Regex Marker();
}
