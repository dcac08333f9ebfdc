using System.Text.Json;
using Cairn.Core.Errors;

namespace Cairn.Serving.Inference;

/// <summary>
/// Decodes an OIP v2 inference request in MLServer's columnar <c>pd</c> form — one input per feature,
/// shape [N] or [N, 1], data flat or nested — straight from the UTF-8 body with a forward-only reader,
/// validating it against the model's features. Allocates the decoded columns and little else.
/// </summary>
public static partial class OipDecoder
{
    private const int Unknown = -1;
    private const int StickyInput = -2;

    public static OipRequest Decode(ReadOnlySpan<byte> body, FeatureSchema schema, string? stickyField, OipOutputs available)
    {
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw Invalid("The request body must be a JSON object with 'inputs'.");
        }

        var specs = schema.Count < 64 ? stackalloc InputSpec[schema.Count + 1] : new InputSpec[schema.Count + 1];
        var count = 0;
        string? id = null;
        var outputs = OipOutputs.None;
        var sawInputs = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("inputs"u8))
            {
                JsonReading.Next(ref reader);
                Expect(ref reader, JsonTokenType.StartArray, "'inputs' must be an array of tensors.");
                sawInputs = true;
                while (JsonReading.Next(ref reader) != JsonTokenType.EndArray)
                {
                    Expect(ref reader, JsonTokenType.StartObject, "Every element of 'inputs' must be an object with name, shape, datatype and data.");
                    var spec = ReadInput(ref reader, schema, stickyField);
                    foreach (var earlier in specs[..count])
                    {
                        if (earlier.Feature == spec.Feature)
                        {
                            throw Invalid($"Input '{NameOf(schema, spec.Feature, stickyField)}' is given twice.");
                        }
                    }

                    if (count == specs.Length)
                    {
                        throw Invalid($"Too many inputs; the model's inputs are: {schema.Names}.");
                    }

                    specs[count++] = spec;
                }
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                JsonReading.Next(ref reader);
                Expect(ref reader, JsonTokenType.String, "'id' must be a string.");
                id = reader.GetString();
            }
            else if (reader.ValueTextEquals("parameters"u8))
            {
                JsonReading.Next(ref reader);
                ReadParameters(ref reader);
            }
            else if (reader.ValueTextEquals("outputs"u8))
            {
                JsonReading.Next(ref reader);
                outputs = ReadOutputs(ref reader, available);
            }
            else
            {
                JsonReading.Next(ref reader);
                reader.Skip();
            }
        }

        JsonReading.EnsureEnd(ref reader);

        if (!sawInputs)
        {
            throw Invalid("Missing value for required field 'inputs' (one input per feature: " + schema.Names + ").");
        }

        return Build(body, schema, specs[..count], stickyField, id, outputs == OipOutputs.None ? available : outputs);
    }

    private static OipRequest Build(ReadOnlySpan<byte> body, FeatureSchema schema, ReadOnlySpan<InputSpec> specs, string? stickyField, string? id, OipOutputs outputs)
    {
        var rows = -1;
        var rowsFrom = 0;
        for (var f = 0; f < schema.Count; f++)
        {
            var found = false;
            foreach (var spec in specs)
            {
                if (spec.Feature != f)
                {
                    continue;
                }

                found = true;
                if (rows < 0)
                {
                    rows = spec.Rows;
                    rowsFrom = f;
                }
                else if (spec.Rows != rows)
                {
                    throw Invalid($"Input '{schema.Features[f].Name}' has shape[0] = {spec.Rows} but input '{schema.Features[rowsFrom].Name}' has {rows}; "
                        + "every input is one column of the same rows.");
                }
            }

            if (!found)
            {
                throw Invalid($"Input '{schema.Features[f].Name}' is missing; the model needs the inputs: {schema.Names}.");
            }
        }

        if (rows == 0)
        {
            throw Invalid("The inputs have no rows (shape[0] is 0); send at least one.");
        }

        var batch = new FeatureBatch(schema, Math.Max(rows, 0));
        string? stickyKey = null;
        foreach (var spec in specs)
        {
            var data = new Utf8JsonReader(body.Slice(spec.DataStart, spec.DataLength));
            data.Read();
            if (spec.Feature == StickyInput)
            {
                stickyKey = FirstScalar(ref data);
                continue;
            }

            var feature = schema.Features[spec.Feature];
            var integerOnly = OipDatatypes.IsInteger(spec.Datatype);
            var element = 0;
            ReadElements(ref data, batch, spec.Feature, rows, integerOnly, feature.Name, ref element, depth: 0);
            if (element != rows)
            {
                throw Invalid($"Input '{feature.Name}' has shape {spec.ShapeText} but {element} data element(s); shape and data must agree.");
            }
        }

        return new OipRequest(id, batch, stickyKey, outputs);
    }

    private static void ReadElements(ref Utf8JsonReader reader, FeatureBatch batch, int feature, int rows, bool integerOnly, string name, ref int element, int depth)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Invalid($"Input '{name}': 'data' must be an array (flat or nested row-major).");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                if (depth >= 2)
                {
                    throw Invalid($"Input '{name}': 'data' is nested deeper than its shape [N, 1] allows.");
                }

                ReadElements(ref reader, batch, feature, rows, integerOnly, name, ref element, depth + 1);
                continue;
            }

            if (element < rows)
            {
                ValueDecoder.Read(ref reader, batch, feature, element, integerOnly, ValueLocation.OipElement(name, element));
            }
            else if (reader.TokenType is JsonTokenType.StartObject)
            {
                reader.Skip();
            }

            element++;
        }
    }

    private static string? FirstScalar(ref Utf8JsonReader reader)
    {
        while (reader.TokenType == JsonTokenType.StartArray)
        {
            reader.Read();
        }

        return ValueDecoder.ScalarText(ref reader);
    }

    private static string NameOf(FeatureSchema schema, int feature, string? stickyField) =>
        feature == StickyInput ? stickyField ?? "" : schema.Features[feature].Name;

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string message)
    {
        if (reader.TokenType != type)
        {
            throw Invalid(message);
        }
    }

    private static CairnException Invalid(string message) => CairnException.InvalidParameter(message);
}
