using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Cairn.Core.Errors;

namespace Cairn.Serving.Inference;

/// <summary>
/// Decodes one JSON scalar into a feature column, enforcing the feature's kind and nullability. Shared by
/// the OIP and records codecs so both apply the same rules; messages name the input and the rule.
/// </summary>
internal static class ValueDecoder
{
    /// <summary>
    /// Reads the current token into row <paramref name="row"/> of feature <paramref name="index"/>. With
    /// integerOnly (OIP INT*/UINT* inputs) a fractional number is a datatype violation; the location is put
    /// into words only on failure.
    /// </summary>
    public static void Read(ref Utf8JsonReader reader, FeatureBatch batch, int index, int row, bool integerOnly, in ValueLocation location)
    {
        var feature = batch.Schema.Features[index];
        if (reader.TokenType == JsonTokenType.Null)
        {
            if (!feature.Nullable)
            {
                throw CairnException.InvalidParameter(
                    $"{location.Describe()} is null, but input '{feature.Name}' does not accept missing values (it is not nullable in the model signature).");
            }

            SetMissing(batch, index, row);
            return;
        }

        switch (feature.Kind)
        {
            case FeatureKind.Number:
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var number))
                {
                    throw Mismatch(location.Describe(), feature, ref reader);
                }

                if (integerOnly && !reader.TryGetInt64(out _) && !reader.TryGetUInt64(out _))
                {
                    throw CairnException.InvalidParameter($"{location.Describe()} is {Raw(ref reader)}, which is not an integer as its datatype says.");
                }

                batch.Numbers(index)[row] = number;
                break;
            case FeatureKind.Boolean:
                if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
                {
                    throw Mismatch(location.Describe(), feature, ref reader);
                }

                batch.Booleans(index)[row] = reader.TokenType == JsonTokenType.True;
                break;
            case FeatureKind.String:
                if (reader.TokenType != JsonTokenType.String)
                {
                    throw Mismatch(location.Describe(), feature, ref reader);
                }

                batch.Strings(index)[row] = reader.GetString();
                break;
            default:
                if (reader.TokenType != JsonTokenType.String)
                {
                    throw Mismatch(location.Describe(), feature, ref reader);
                }

                batch.Times(index)[row] = ParseDate(ref reader, in location, feature);
                break;
        }
    }

    /// <summary>Marks a value missing (the feature is nullable).</summary>
    public static void SetMissing(FeatureBatch batch, int index, int row)
    {
        switch (batch.Schema.Features[index].Kind)
        {
            case FeatureKind.Number:
                batch.Numbers(index)[row] = double.NaN;
                break;
            case FeatureKind.Boolean:
                batch.Booleans(index)[row] = null;
                break;
            case FeatureKind.String:
                batch.Strings(index)[row] = null;
                break;
            default:
                batch.Times(index)[row] = null;
                break;
        }
    }

    /// <summary>A scalar as text (a sticky key may be a string or a number).</summary>
    public static string? ScalarText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => Raw(ref reader),
        _ => null,
    };

    public static string Raw(ref Utf8JsonReader reader) =>
        System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);

    private static DateTime ParseDate(ref Utf8JsonReader reader, in ValueLocation location, Feature feature)
    {
        var text = reader.GetString();
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw CairnException.InvalidParameter($"{location.Describe()} is '{text}', which is not a date; input '{feature.Name}' needs an ISO 8601 date such as 2015-06-01.");
    }

    private static CairnException Mismatch(string location, Feature feature, ref Utf8JsonReader reader)
    {
        var got = reader.TokenType switch
        {
            JsonTokenType.String => $"the string \"{reader.GetString()}\"",
            JsonTokenType.Number => $"the number {Raw(ref reader)}",
            JsonTokenType.True or JsonTokenType.False => $"the boolean {Raw(ref reader)}",
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            _ => reader.TokenType.ToString(),
        };
        return CairnException.InvalidParameter($"{location} is {got}; input '{feature.Name}' ({feature.SignatureType}) must be {feature.Expected}.");
    }
}
