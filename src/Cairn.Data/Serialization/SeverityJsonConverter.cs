using System.Text.Json;
using System.Text.Json.Serialization;
using Cairn.Data.Validation;

namespace Cairn.Data.Serialization;

/// <summary>Severities as "error" and "warning".</summary>
public sealed class SeverityJsonConverter : JsonConverter<Severity>
{
    public override Severity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() switch
        {
            "error" => Severity.Error,
            "warning" => Severity.Warning,
            var other => throw new JsonException($"'{other}' is not a severity; use error or warning."),
        };

    public override void Write(Utf8JsonWriter writer, Severity value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value == Severity.Error ? "error" : "warning");
}
