using System.Text.Json;
using Cairn.Core.Errors;

namespace Cairn.Serving.Inference;

/// <summary>
/// Decodes <c>{"records": [{feature: value, ...}, ...], "top_k": k, "min_confidence": c, "id": "..."}</c>
/// against the model's features: every feature present in every record, no unknown fields (except the
/// deployment's sticky-key field), JSON types matching the features, null only where nullable.
/// </summary>
public static class RecordsDecoder
{
    public const int MaxRecords = 10_000;

    public static RecordsRequest Decode(ReadOnlySpan<byte> body, FeatureSchema schema, string? stickyField)
    {
        // First pass: the top-level members and the number of records, so the columns are allocated once.
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw CairnException.InvalidParameter("The request body must be a JSON object with 'records'.");
        }

        string? id = null;
        int? topK = null;
        double? minConfidence = null;
        var recordsStart = -1;
        var rows = 0;
        while (JsonReading.Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("records"u8))
            {
                JsonReading.Next(ref reader);
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw CairnException.InvalidParameter("'records' must be an array of objects (feature name to value).");
                }

                recordsStart = (int)reader.TokenStartIndex;
                while (JsonReading.Next(ref reader) != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw CairnException.InvalidParameter($"Record {rows} must be an object (feature name to value).");
                    }

                    reader.Skip();
                    rows++;
                }
            }
            else if (reader.ValueTextEquals("top_k"u8))
            {
                JsonReading.Next(ref reader);
                topK = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var k) && k >= 1
                    ? k
                    : throw CairnException.InvalidParameter("'top_k' must be an integer of at least 1.");
            }
            else if (reader.ValueTextEquals("min_confidence"u8))
            {
                JsonReading.Next(ref reader);
                minConfidence = reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var c) && c is >= 0 and <= 1
                    ? c
                    : throw CairnException.InvalidParameter("'min_confidence' must be a number between 0 and 1.");
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                JsonReading.Next(ref reader);
                id = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw CairnException.InvalidParameter("'id' must be a string.");
            }
            else
            {
                var name = reader.GetString();
                throw CairnException.InvalidParameter($"Unknown field '{name}'; the request has 'records', 'top_k', 'min_confidence' and 'id'.");
            }
        }

        JsonReading.EnsureEnd(ref reader);

        if (recordsStart < 0)
        {
            throw CairnException.MissingParameter("records");
        }

        if (rows == 0)
        {
            throw CairnException.InvalidParameter("'records' is empty; send at least one record.");
        }

        if (rows > MaxRecords)
        {
            throw CairnException.InvalidParameter($"'records' has {rows} records; at most {MaxRecords} are accepted per request.");
        }

        var batch = new FeatureBatch(schema, rows);
        var stickyKey = ReadRecords(body[recordsStart..], batch, stickyField);
        return new RecordsRequest(id, batch, stickyKey, topK, minConfidence);
    }

    private static string? ReadRecords(ReadOnlySpan<byte> records, FeatureBatch batch, string? stickyField)
    {
        var schema = batch.Schema;
        var reader = new Utf8JsonReader(records);
        reader.Read();
        var seen = new bool[schema.Count];
        string? stickyKey = null;
        for (var row = 0; JsonReading.Next(ref reader) == JsonTokenType.StartObject; row++)
        {
            Array.Clear(seen);
            while (JsonReading.Next(ref reader) == JsonTokenType.PropertyName)
            {
                var index = reader.ValueIsEscaped ? schema.IndexOf(reader.GetString()!) : schema.IndexOf(reader.ValueSpan);
                if (index < 0)
                {
                    var name = reader.GetString()!;
                    JsonReading.Next(ref reader);
                    if (name != stickyField)
                    {
                        throw CairnException.InvalidParameter($"Record {row} field '{name}' is not an input of the model; its inputs are: {schema.Names}.");
                    }

                    if (row == 0)
                    {
                        stickyKey = ValueDecoder.ScalarText(ref reader);
                    }

                    reader.Skip();
                    continue;
                }

                if (seen[index])
                {
                    throw CairnException.InvalidParameter($"Record {row} field '{schema.Features[index].Name}' is given twice.");
                }

                seen[index] = true;
                JsonReading.Next(ref reader);
                ValueDecoder.Read(ref reader, batch, index, row, integerOnly: false, ValueLocation.RecordField(row, schema.Features[index].Name));
            }

            var missing = Array.IndexOf(seen, false);
            if (missing >= 0)
            {
                throw CairnException.InvalidParameter($"Record {row} is missing input '{schema.Features[missing].Name}'; the model needs: {schema.Names}.");
            }
        }

        return stickyKey;
    }
}
