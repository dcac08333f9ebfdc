using Cairn.Core.Errors;
using Cairn.Training.Bundles;
using Cairn.Training.Views;
using Microsoft.ML;

namespace Cairn.Training.Onnx;

public static partial class OnnxModels
{
    /// <summary>
    /// Converts an ML.NET bundle's model to an ONNX graph whose inputs are the model's view columns
    /// (one [-1, 1] tensor per numeric, categorical or text input, four per date input) and whose
    /// outputs are PredictedLabel, Score and (binary) Probability.
    /// </summary>
    public static byte[] Export(ModelBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (bundle.Payload is not MlNetPayload payload)
        {
            throw CairnException.InvalidParameter($"Only ML.NET bundles can be exported to ONNX; this one is {bundle.Manifest.Flavor}.");
        }

        if (bundle.Manifest.Inputs.FirstOrDefault(i => i.Type == "text") is { } text)
        {
            throw CairnException.InvalidParameter(
                $"The model cannot be exported to ONNX: text input '{text.Name}' is featurized with FeaturizeText, which ML.NET's ONNX converter does not support.");
        }

        var layout = new ViewLayout(bundle.Manifest.Inputs);
        var empty = new FrameDataView(layout, layout.NewFrame(0));
        string[] outputs = bundle.Manifest.Task switch
        {
            ModelTask.BinaryClassification => ["PredictedLabel", "Score", "Probability"],
            ModelTask.MulticlassClassification => ["PredictedLabel", "Score"],
            _ => ["Score"],
        };
        using var stream = new MemoryStream();
        try
        {
            new MLContext().Model.ConvertToOnnx(payload.Model, empty, stream, outputs);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw CairnException.InvalidParameter(
                $"The {bundle.Manifest.Trainer} model cannot be exported to ONNX (ML.NET's converter does not support one of its parts): {e.Message}");
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Exports an ML.NET bundle to ONNX and wraps the graph as an onnx bundle with the same task,
    /// class labels, metrics and profile; date-part inputs record their source column.
    /// </summary>
    public static ModelBundle ExportBundle(ModelBundle bundle)
    {
        var model = Export(bundle);
        var source = bundle.Manifest;
        var imported = Import(model, new OnnxImportOptions
        {
            Task = source.Task,
            ClassLabels = source.ClassLabels,
            Label = source.Label,
            Trainer = source.Trainer,
            LabelOutput = source.Task == ModelTask.Regression ? null : "PredictedLabel.output",
            ScoreOutput = "Score.output",
            ProbabilitiesOutput = source.Task switch
            {
                ModelTask.BinaryClassification => "Probability.output",
                ModelTask.MulticlassClassification => "Score.output",
                _ => null,
            },
        });
        var dates = source.Inputs.Where(i => i.Type == "datetime").Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var inputs = imported.Manifest.Inputs.Select(input =>
        {
            var dot = input.Name.LastIndexOf('.');
            return dot > 0 && dates.Contains(input.Name[..dot]) && ViewLayout.ParseDatePart(input.Name[(dot + 1)..]) is not null
                ? input with { SourceColumn = input.Name[..dot], Derivation = input.Name[(dot + 1)..] }
                : input with { Nullable = source.Inputs.FirstOrDefault(i => i.Name == input.Name)?.Nullable ?? false };
        }).ToList();
        return imported.WithManifest(imported.Manifest with
        {
            Inputs = inputs,
            HyperParameters = source.HyperParameters,
            Seed = source.Seed,
            Metrics = source.Metrics,
            MetricsDataset = source.MetricsDataset,
            ConfusionMatrix = source.ConfusionMatrix,
            TrainingProfile = source.TrainingProfile,
        });
    }
}
