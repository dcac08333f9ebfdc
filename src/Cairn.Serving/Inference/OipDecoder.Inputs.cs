using System.Text;
using System.Text.Json;
using Cairn.Core.Errors;

namespace Cairn.Serving.Inference;

public static partial class OipDecoder
{
    /// <summary>
    /// Reads one <c>$request_input</c>. Its <c>data</c> is only located here (start and length) and decoded
    /// once the shapes of all inputs are known, because JSON members may come in any order.
    /// </summary>
    private static InputSpec ReadInput(ref Utf8JsonReader reader, FeatureSchema schema, string? stickyField)
    {
        var spec = new InputSpec { Feature = Unknown, Rows = -1 };
        string? unknownName = null;
        var hasName = false;
        var hasShape = false;
        var hasDatatype = false;
        var hasData = false;
        while (JsonReading.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                JsonReading.Next(ref reader);
                Expect(ref reader, JsonTokenType.String, "An input's 'name' must be a string.");
                hasName = true;
                spec.Feature = reader.ValueIsEscaped ? schema.IndexOf(reader.GetString()!) : schema.IndexOf(reader.ValueSpan);
                if (spec.Feature < 0)
                {
                    var name = reader.GetString()!;
                    if (name == stickyField)
                    {
                        spec.Feature = StickyInput;
                    }
                    else
                    {
                        unknownName = name;
                    }
                }
            }
            else if (reader.ValueTextEquals("shape"u8))
            {
                JsonReading.Next(ref reader);
                hasShape = true;
                ReadShape(ref reader, ref spec);
            }
            else if (reader.ValueTextEquals("datatype"u8))
            {
                JsonReading.Next(ref reader);
                Expect(ref reader, JsonTokenType.String, "An input's 'datatype' must be a string.");
                hasDatatype = true;
                if (!OipDatatypes.TryParse(reader.ValueSpan, out spec.Datatype))
                {
                    throw Invalid($"Datatype '{reader.GetString()}' is not an OIP datatype; use one of {OipDatatypes.All}.");
                }
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                JsonReading.Next(ref reader);
                hasData = true;
                spec.DataStart = (int)reader.TokenStartIndex;
                reader.Skip();
                spec.DataLength = (int)reader.BytesConsumed - spec.DataStart;
            }
            else
            {
                JsonReading.Next(ref reader);
                reader.Skip();
            }
        }

        if (!hasName)
        {
            throw Invalid("Every input needs a 'name' (the feature it carries).");
        }

        if (unknownName is not null)
        {
            throw Invalid($"Input '{unknownName}' is not an input of the model; its inputs are: {schema.Names}.");
        }

        var inputName = NameOf(schema, spec.Feature, stickyField);
        if (!hasShape || !hasDatatype || !hasData)
        {
            var missing = !hasShape ? "shape" : !hasDatatype ? "datatype" : "data";
            throw Invalid($"Input '{inputName}' has no '{missing}'; every input needs name, shape, datatype and data.");
        }

        if (spec.Feature >= 0)
        {
            var feature = schema.Features[spec.Feature];
            if (!OipDatatypes.Accepts(feature.Kind, spec.Datatype))
            {
                throw Invalid($"Input '{inputName}' has datatype {OipDatatypes.Name(spec.Datatype)}; the model's '{inputName}' ({feature.SignatureType}) needs {OipDatatypes.AcceptedBy(feature.Kind)}.");
            }
        }

        if (spec.Rank == 0 || spec.Rank > 2 || spec.Columns != 1)
        {
            throw Invalid($"Input '{inputName}' has shape {spec.ShapeText}; a feature column must have shape [N] or [N, 1].");
        }

        return spec;
    }

    private static void ReadShape(ref Utf8JsonReader reader, ref InputSpec spec)
    {
        Expect(ref reader, JsonTokenType.StartArray, "An input's 'shape' must be an array of non-negative integers.");
        while (JsonReading.Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var dimension) || dimension < 0)
            {
                throw Invalid("An input's 'shape' must be an array of non-negative integers.");
            }

            switch (spec.Rank)
            {
                case 0:
                    spec.Rows = dimension;
                    spec.Columns = 1;
                    break;
                case 1:
                    spec.Second = dimension;
                    spec.Columns = dimension;
                    break;
                default:
                    spec.Columns = dimension == 0 ? 0 : spec.Columns;
                    break;
            }

            spec.Rank++;
        }
    }

    private static void ReadParameters(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "'parameters' must be an object.");
        while (JsonReading.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("content_type"u8))
            {
                JsonReading.Next(ref reader);
                if (reader.TokenType != JsonTokenType.String || !(reader.ValueTextEquals("pd"u8) || reader.ValueTextEquals("np"u8)))
                {
                    throw Invalid("Parameter 'content_type' must be \"pd\" (one input per feature); other content types are not supported.");
                }
            }
            else
            {
                JsonReading.Next(ref reader);
                reader.Skip();
            }
        }
    }

    private static OipOutputs ReadOutputs(ref Utf8JsonReader reader, OipOutputs available)
    {
        Expect(ref reader, JsonTokenType.StartArray, "'outputs' must be an array of {\"name\": ...} objects.");
        var outputs = OipOutputs.None;
        while (JsonReading.Next(ref reader) != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartObject, "Every element of 'outputs' must be an object with a 'name'.");
            var found = OipOutputs.None;
            while (JsonReading.Next(ref reader) == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("name"u8))
                {
                    JsonReading.Next(ref reader);
                    found = reader.TokenType != JsonTokenType.String ? OipOutputs.None
                        : reader.ValueTextEquals("label"u8) ? OipOutputs.Label
                        : reader.ValueTextEquals("score"u8) ? OipOutputs.Score
                        : reader.ValueTextEquals("probabilities"u8) ? OipOutputs.Probabilities
                        : OipOutputs.None;
                    if ((found & available) == OipOutputs.None)
                    {
                        var name = reader.TokenType == JsonTokenType.String ? reader.GetString() : ValueDecoder.Raw(ref reader);
                        throw Invalid($"Output '{name}' does not exist; the model's outputs are: {Describe(available)}.");
                    }
                }
                else
                {
                    JsonReading.Next(ref reader);
                    reader.Skip();
                }
            }

            if (found == OipOutputs.None)
            {
                throw Invalid("Every element of 'outputs' needs a 'name'.");
            }

            outputs |= found;
        }

        return outputs;
    }

    /// <summary>The output names of a model, for messages.</summary>
    public static string Describe(OipOutputs outputs) => string.Join(", ", new[]
    {
        (outputs & OipOutputs.Label) != 0 ? "label" : null,
        (outputs & OipOutputs.Score) != 0 ? "score" : null,
        (outputs & OipOutputs.Probabilities) != 0 ? "probabilities" : null,
    }.OfType<string>());

    private struct InputSpec
    {
        public int Feature;
        public int Rows;
        public int Columns;
        public int Rank;
        public OipDatatype Datatype;
        public int DataStart;
        public int DataLength;
        public int Second;

        /// <summary>The shape for messages (dimensions past the second are not kept).</summary>
        public readonly string ShapeText => Rank switch
        {
            0 => "[]",
            1 => $"[{Rows}]",
            2 => $"[{Rows}, {Second}]",
            _ => $"[{Rows}, {Second}, ...] (rank {Rank})",
        };
    }
}
