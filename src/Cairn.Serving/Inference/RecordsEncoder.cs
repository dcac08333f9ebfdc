using System.Text.Json;
using Cairn.Serving.Routing;
using Cairn.Training.Scoring;

namespace Cairn.Serving.Inference;

/// <summary>
/// Writes the records endpoint's answer: per record the label, score, class probabilities (by class name),
/// the <c>top_k</c> classes and an explicit abstain (<c>"abstained": true</c>, label null) when the
/// predicted class's probability is below <c>min_confidence</c>.
/// </summary>
public static class RecordsEncoder
{
    public static void Write(Utf8JsonWriter writer, string deployment, VariantTarget target, string requestId, PredictionBatch predictions, RecordsRequest request)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, requestId);
        writer.WriteString("deployment"u8, deployment);
        writer.WriteString("variant"u8, target.Name);
        writer.WriteString("model"u8, target.Model.Model);
        writer.WriteNumber("version"u8, target.Model.Version);
        writer.WriteStartArray("predictions"u8);
        var classes = predictions.ClassLabels;
        Span<int> order = classes.Count <= 256 ? stackalloc int[classes.Count] : new int[classes.Count];
        for (var row = 0; row < predictions.RowCount; row++)
        {
            writer.WriteStartObject();
            if (predictions.Labels is null)
            {
                writer.WritePropertyName("score"u8);
                OipEncoder.WriteNumber(writer, predictions.Scores[row]);
                writer.WriteEndObject();
                continue;
            }

            var probabilities = predictions.ProbabilitiesOf(row);
            var confidence = Max(probabilities);
            var abstained = request.MinConfidence is { } minimum && confidence < minimum;
            if (abstained)
            {
                writer.WriteNull("label"u8);
            }
            else
            {
                writer.WriteString("label"u8, predictions.Labels[row]);
            }

            writer.WritePropertyName("score"u8);
            OipEncoder.WriteNumber(writer, predictions.Scores[row]);
            writer.WritePropertyName("confidence"u8);
            OipEncoder.WriteNumber(writer, confidence);
            writer.WriteBoolean("abstained"u8, abstained);
            writer.WriteStartObject("probabilities"u8);
            for (var k = 0; k < classes.Count; k++)
            {
                writer.WritePropertyName(classes[k]);
                OipEncoder.WriteNumber(writer, probabilities[k]);
            }

            writer.WriteEndObject();
            if (request.TopK is { } topK)
            {
                WriteTopK(writer, classes, probabilities, order, Math.Min(topK, classes.Count));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTopK(Utf8JsonWriter writer, IReadOnlyList<string> classes, ReadOnlySpan<double> probabilities, Span<int> order, int k)
    {
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Partial selection sort: k is small; ties keep the class-label order.
        for (var i = 0; i < k; i++)
        {
            var best = i;
            for (var j = i + 1; j < order.Length; j++)
            {
                if (probabilities[order[j]] > probabilities[order[best]])
                {
                    best = j;
                }
            }

            (order[i], order[best]) = (order[best], order[i]);
        }

        writer.WriteStartArray("top_k"u8);
        for (var i = 0; i < k; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("label"u8, classes[order[i]]);
            writer.WritePropertyName("probability"u8);
            OipEncoder.WriteNumber(writer, probabilities[order[i]]);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }
}
