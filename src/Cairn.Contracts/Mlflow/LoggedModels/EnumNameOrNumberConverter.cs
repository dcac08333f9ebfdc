using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cairn.Contracts.Mlflow.LoggedModels;

/// <summary>
/// Reads a protobuf enum that arrives as its name (<c>"LOGGED_MODEL_READY"</c>) or its number (<c>2</c>)
/// into a string; the domain maps either form. Writes the string as it is.
/// </summary>
public sealed class EnumNameOrNumberConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number when reader.TryGetInt32(out var number) => number.ToString(CultureInfo.InvariantCulture),
        JsonTokenType.Null => null,
        _ => throw new JsonException("Expected an enum name or number."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
