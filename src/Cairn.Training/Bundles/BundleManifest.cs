using System.Text.Json;
using Cairn.Training.Evaluation;

namespace Cairn.Training.Bundles;

/// <summary>
/// <c>bundle.json</c>: everything needed to use a model without opening it — what it predicts, its
/// input and output signature, how it was trained, how well it did, and the training data profile
/// (the drift reference). See docs/model-bundle.md.
/// </summary>
public sealed record BundleManifest
{
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public required ModelFlavor Flavor { get; init; }

    public required ModelTask Task { get; init; }

    /// <summary>The label column the model was trained to predict (null for imported models that do not say).</summary>
    public string? Label { get; init; }

    /// <summary>Binary: [negative, positive]; multiclass: the classes in score order; regression: empty.</summary>
    public IReadOnlyList<string> ClassLabels { get; init; } = [];

    public required IReadOnlyList<SignatureField> Inputs { get; init; }

    public required IReadOnlyList<SignatureField> Outputs { get; init; }

    public string Trainer { get; init; } = "";

    public IReadOnlyDictionary<string, string> HyperParameters { get; init; } = new Dictionary<string, string>();

    public int? Seed { get; init; }

    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Which data the metrics come from: <c>test</c>, <c>validation</c> or <c>train</c>.</summary>
    public string? MetricsDataset { get; init; }

    public ConfusionMatrix? ConfusionMatrix { get; init; }

    /// <summary>The training data profile as Cairn.Data wrote it (opaque here).</summary>
    public JsonElement? TrainingProfile { get; init; }

    /// <summary>For ONNX bundles: which graph outputs hold the label, the scores and the probabilities.</summary>
    public OnnxOutputMap? OnnxOutputs { get; init; }
}
