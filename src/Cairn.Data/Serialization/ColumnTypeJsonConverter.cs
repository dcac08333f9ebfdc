using System.Text.Json;
using System.Text.Json.Serialization;
using Cairn.Data.Tables;

namespace Cairn.Data.Serialization;

/// <summary>
/// Column types as lower-case names (numeric, boolean, categorical, text, datetime). Reading also
/// accepts the usual aliases (number, integer, float, bool, category, string, date, timestamp), so
/// hand-written schema files read naturally.
/// </summary>
public sealed class ColumnTypeJsonConverter : JsonConverter<ColumnType>
{
    public override ColumnType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return Parse(text) ?? throw new JsonException(
            $"'{text}' is not a column type; use numeric, boolean, categorical, text or datetime.");
    }

    public override void Write(Utf8JsonWriter writer, ColumnType value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Name(value));

    public static string Name(ColumnType type) => type switch
    {
        ColumnType.Numeric => "numeric",
        ColumnType.Boolean => "boolean",
        ColumnType.Categorical => "categorical",
        ColumnType.Text => "text",
        _ => "datetime",
    };

    public static ColumnType? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "numeric" or "number" or "integer" or "int" or "float" or "double" => ColumnType.Numeric,
        "boolean" or "bool" => ColumnType.Boolean,
        "categorical" or "category" => ColumnType.Categorical,
        "text" or "string" => ColumnType.Text,
        "datetime" or "date_time" or "date" or "timestamp" => ColumnType.DateTime,
        _ => null,
    };
}
