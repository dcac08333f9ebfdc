using System.Text.Json;

namespace Cairn.Serving.Inference;

/// <summary>Reader steps the request decoders share; a malformed body surfaces as a <see cref="JsonException"/> (400).</summary>
internal static class JsonReading
{
    /// <summary>Nothing but whitespace may follow the request object (the reader throws on anything else).</summary>
    public static void EnsureEnd(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            throw new JsonException("Unexpected content after the request object.");
        }
    }

    public static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON ends too early.");
        }

        return reader.TokenType;
    }
}
