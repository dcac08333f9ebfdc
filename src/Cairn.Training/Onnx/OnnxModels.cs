using Cairn.Core.Errors;
using Cairn.Training.Bundles;
using Microsoft.ML.OnnxRuntime;

namespace Cairn.Training.Onnx;

/// <summary>
/// ONNX in and out: <see cref="Import"/> registers a graph trained elsewhere as an onnx bundle with
/// the signature read from the graph; <see cref="Export"/> converts an ML.NET bundle to ONNX where
/// ML.NET's converter supports its transforms and trainer.
/// </summary>
public static partial class OnnxModels
{
    public static ModelBundle Import(byte[] model, OnnxImportOptions? options = null)
    {
        options ??= new OnnxImportOptions();
        using var session = OpenSession(model);
        var inputs = session.InputMetadata.Select(p => Field(p.Key, p.Value)).ToList();
        var outputs = session.OutputMetadata.Select(p => Field(p.Key, p.Value)).ToList();
        var map = new OnnxOutputMap
        {
            Label = options.LabelOutput ?? FindOutput(outputs, "predictedlabel", "label", "output_label"),
            Probabilities = options.ProbabilitiesOutput ?? FindOutput(outputs, "probability", "probabilities", "output_probability"),
            Score = options.ScoreOutput ?? FindOutput(outputs, "score", "variable", "output", "predictions"),
        };
        foreach (var name in new[] { map.Label, map.Probabilities, map.Score }.OfType<string>())
        {
            var output = outputs.FirstOrDefault(o => o.Name == name)
                ?? throw CairnException.InvalidParameter($"The ONNX graph has no output '{name}'; outputs: {string.Join(", ", outputs.Select(o => o.Name))}.");
            if (!output.Type.StartsWith("tensor(", StringComparison.Ordinal))
            {
                throw CairnException.InvalidParameter(
                    $"ONNX output '{name}' is a {output.Type}; Cairn reads tensors (export scikit-learn classifiers with zipmap disabled).");
            }
        }

        var classLabels = options.ClassLabels ?? ClassLabelsFromWidth(outputs.FirstOrDefault(o => o.Name == map.Probabilities));
        var task = options.Task
            ?? (map.Probabilities is null && map.Label is null ? ModelTask.Regression
                : classLabels.Count == 2 ? ModelTask.BinaryClassification : ModelTask.MulticlassClassification);
        if (task != ModelTask.Regression && classLabels.Count < 2)
        {
            throw CairnException.InvalidParameter("Cannot tell the class labels of this ONNX classifier; pass class_labels when importing it.");
        }

        if (task == ModelTask.Regression && map.Score is null)
        {
            throw CairnException.InvalidParameter(
                $"Cannot tell which ONNX output is the prediction; pass score_output (outputs: {string.Join(", ", outputs.Select(o => o.Name))}).");
        }

        var manifest = new BundleManifest
        {
            Flavor = ModelFlavor.Onnx,
            Task = task,
            Label = options.Label,
            ClassLabels = task == ModelTask.Regression ? [] : classLabels,
            Inputs = inputs,
            Outputs = outputs,
            Trainer = options.Trainer,
            OnnxOutputs = map,
        };
        return new ModelBundle(manifest, new OnnxPayload(model));
    }

    private static InferenceSession OpenSession(byte[] model)
    {
        try
        {
            return new InferenceSession(model);
        }
        catch (OnnxRuntimeException e)
        {
            throw CairnException.InvalidParameter($"Not a valid ONNX model: {e.Message}");
        }
    }

    private static SignatureField Field(string name, NodeMetadata metadata) => metadata.OnnxValueType switch
    {
        OnnxValueType.ONNX_TYPE_TENSOR => new SignatureField(name, $"tensor({metadata.ElementDataType.ToString().ToLowerInvariant()})")
        {
            Shape = [.. metadata.Dimensions.Select(d => (long)d)],
        },
        var other => new SignatureField(name, other.ToString()["ONNX_TYPE_".Length..].ToLowerInvariant()),
    };

    /// <summary>The first output whose name, before any ".output" suffix, matches one of the names (case-insensitive).</summary>
    private static string? FindOutput(IEnumerable<SignatureField> outputs, params string[] names) =>
        outputs.FirstOrDefault(o => names.Contains(o.Name.Split('.')[0], StringComparer.OrdinalIgnoreCase))?.Name;

    private static List<string> ClassLabelsFromWidth(SignatureField? probabilities) =>
        probabilities?.Shape is [_, var width] && width > 1 ? [.. Enumerable.Range(0, (int)width).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))] : [];
}
