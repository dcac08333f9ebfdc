using System.Text.Json;
using Cairn.Serving.Routing;
using Cairn.Training.Scoring;

namespace Cairn.Serving.Inference;

/// <summary>
/// Writes the OIP <c>$inference_response</c>: <c>model_name</c> (the deployment), <c>model_version</c> (the
/// answering variant's pinned version), <c>id</c>, <c>parameters</c> (variant and model) and the outputs
/// <c>label</c> BYTES [N], <c>score</c> FP64 [N], <c>probabilities</c> FP64 [N, classes].
/// </summary>
public static class OipEncoder
{
    public static void Write(Utf8JsonWriter writer, string deployment, VariantTarget target, string requestId, PredictionBatch predictions, OipOutputs outputs)
    {
        var rows = predictions.RowCount;
        writer.WriteStartObject();
        writer.WriteString("model_name"u8, deployment);
        writer.WriteString("model_version"u8, target.VersionText);
        writer.WriteString("id"u8, requestId);
        writer.WriteStartObject("parameters"u8);
        writer.WriteString("variant"u8, target.Name);
        writer.WriteString("model"u8, target.Model.Model);
        writer.WriteEndObject();
        writer.WriteStartArray("outputs"u8);
        if ((outputs & OipOutputs.Label) != 0 && predictions.Labels is { } labels)
        {
            StartOutput(writer, "label"u8, "BYTES"u8, rows, 0);
            for (var i = 0; i < rows; i++)
            {
                writer.WriteStringValue(labels[i]);
            }

            EndOutput(writer);
        }

        if ((outputs & OipOutputs.Score) != 0)
        {
            StartOutput(writer, "score"u8, "FP64"u8, rows, 0);
            foreach (var score in predictions.Scores)
            {
                WriteNumber(writer, score);
            }

            EndOutput(writer);
        }

        if ((outputs & OipOutputs.Probabilities) != 0 && predictions.Labels is not null)
        {
            var classes = predictions.ClassLabels.Count;
            StartOutput(writer, "probabilities"u8, "FP64"u8, rows, classes);
            for (var i = 0; i < rows; i++)
            {
                foreach (var p in predictions.ProbabilitiesOf(i))
                {
                    WriteNumber(writer, p);
                }
            }

            EndOutput(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>A JSON number; a non-finite value (which JSON cannot carry) as null.</summary>
    public static void WriteNumber(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static void StartOutput(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ReadOnlySpan<byte> datatype, int rows, int columns)
    {
        writer.WriteStartObject();
        writer.WriteString("name"u8, name);
        writer.WriteString("datatype"u8, datatype);
        writer.WriteStartArray("shape"u8);
        writer.WriteNumberValue(rows);
        if (columns > 0)
        {
            writer.WriteNumberValue(columns);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("data"u8);
    }

    private static void EndOutput(Utf8JsonWriter writer)
    {
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
