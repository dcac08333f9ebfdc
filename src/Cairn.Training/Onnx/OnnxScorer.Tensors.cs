using System.Globalization;
using Cairn.Core.Errors;
using Cairn.Data.Tables;
using Cairn.Training.Bundles;
using Cairn.Training.Scoring;
using Cairn.Training.Views;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Cairn.Training.Onnx;

internal sealed partial class OnnxScorer
{
    /// <summary>One input tensor of shape [rows] or [rows, 1] from a table column or a single record value.</summary>
    private static NamedOnnxValue InputTensor(SignatureField field, int rows, DataColumn? column, object? value)
    {
        var rank = field.Shape?.Count ?? 2;
        if (rank == 2 && field.Shape![1] is not (1 or -1) || rank is < 1 or > 2)
        {
            throw CairnException.InvalidParameter(
                $"ONNX input '{field.Name}' has shape [{string.Join(", ", field.Shape!)}]; Cairn feeds one value per row per input.");
        }

        int[] dimensions = rank == 1 ? [rows] : [rows, 1];
        var floats = (Func<float[]>)(() =>
        {
            var target = new float[rows];
            if (column is not null)
            {
                ValueReader.ReadFloats(column, null, PartOf(field), target);
            }
            else
            {
                target[0] = ValueReader.ToFloat(value, field.Name, PartOf(field));
            }

            return target;
        });
        return field.Type switch
        {
            "tensor(float)" => NamedOnnxValue.CreateFromTensor(field.Name, new DenseTensor<float>(floats(), dimensions)),
            "tensor(double)" => NamedOnnxValue.CreateFromTensor(field.Name, new DenseTensor<double>(floats().Select(f => (double)f).ToArray(), dimensions)),
            "tensor(int64)" => NamedOnnxValue.CreateFromTensor(field.Name, new DenseTensor<long>(floats().Select(f => (long)f).ToArray(), dimensions)),
            "tensor(int32)" => NamedOnnxValue.CreateFromTensor(field.Name, new DenseTensor<int>(floats().Select(f => (int)f).ToArray(), dimensions)),
            "tensor(bool)" => NamedOnnxValue.CreateFromTensor(field.Name, new DenseTensor<bool>(floats().Select(f => f != 0).ToArray(), dimensions)),
            "tensor(string)" => NamedOnnxValue.CreateFromTensor(field.Name, new DenseTensor<string>(Texts(rows, column, value), dimensions)),
            _ => throw CairnException.InvalidParameter($"ONNX input '{field.Name}' has element type {field.Type}, which Cairn cannot feed."),
        };
    }

    private static string[] Texts(int rows, DataColumn? column, object? value)
    {
        var texts = new ReadOnlyMemory<char>[rows];
        if (column is not null)
        {
            ValueReader.ReadTexts(column, null, texts);
        }
        else
        {
            texts[0] = ValueReader.ToText(value);
        }

        return [.. texts.Select(t => t.ToString())];
    }

    /// <summary>Turns the mapped graph outputs into predictions, the same way whatever produced the graph.</summary>
    private static void Fill(PredictionBatch batch, Dictionary<string, NamedOnnxValue> outputs, OnnxOutputMap map)
    {
        var probabilities = map.Probabilities is { } p ? Floats(outputs[p]) : null;
        var scores = map.Score is { } s ? Floats(outputs[s]) : null;
        var labels = map.Label is { } l ? Labels(outputs[l], batch.ClassLabels) : null;
        var classes = batch.ClassLabels.Count;
        for (var row = 0; row < batch.RowCount; row++)
        {
            if (batch.Task == ModelTask.Regression)
            {
                batch.Scores[row] = scores?[row] ?? double.NaN;
                continue;
            }

            var target = batch.ProbabilitiesOf(row);
            if (probabilities is not null && probabilities.Length == batch.RowCount * classes)
            {
                probabilities.AsSpan(row * classes, classes).ConvertTo(target);
            }
            else if (probabilities is not null && classes == 2 && probabilities.Length == batch.RowCount)
            {
                // One column: the probability of the positive class (ML.NET's binary Probability).
                target[1] = probabilities[row];
                target[0] = 1 - probabilities[row];
            }
            else if (labels is not null)
            {
                var index = IndexOf(batch.ClassLabels, labels[row]);
                if (index >= 0)
                {
                    target[index] = 1;
                }
            }

            ScoreWriter.FromProbabilities(batch, row);
            if (labels is not null)
            {
                batch.Labels![row] = labels[row];
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] == label)
            {
                return i;
            }
        }

        return -1;
    }

    private static float[] Floats(NamedOnnxValue value) => value.Value switch
    {
        Tensor<float> t => t.ToArray(),
        Tensor<double> t => [.. t.Select(d => (float)d)],
        Tensor<long> t => [.. t.Select(d => (float)d)],
        _ => throw CairnException.InvalidParameter($"ONNX output '{value.Name}' is not a numeric tensor."),
    };

    private static string[] Labels(NamedOnnxValue value, IReadOnlyList<string> classLabels) => value.Value switch
    {
        Tensor<string> t => t.ToArray(),
        Tensor<bool> t => [.. t.Select(b => classLabels[b ? 1 : 0])],
        Tensor<long> t => [.. t.Select(v => v.ToString(CultureInfo.InvariantCulture))],
        Tensor<int> t => [.. t.Select(v => v.ToString(CultureInfo.InvariantCulture))],
        _ => throw CairnException.InvalidParameter($"ONNX output '{value.Name}' is not a label tensor."),
    };
}
