namespace Cairn.Training.Onnx;

/// <summary>
/// What the ONNX graph alone does not say. Everything is optional: the task is inferred from the
/// outputs, output roles from common names (ML.NET's <c>PredictedLabel</c>/<c>Score</c>/<c>Probability</c>,
/// scikit-learn's <c>label</c>/<c>probabilities</c>, <c>variable</c>), class labels from the label list
/// or the width of the probability output.
/// </summary>
public sealed record OnnxImportOptions
{
    public ModelTask? Task { get; init; }

    public IReadOnlyList<string>? ClassLabels { get; init; }

    /// <summary>The label column the model predicts, recorded in the manifest.</summary>
    public string? Label { get; init; }

    public string? LabelOutput { get; init; }

    public string? ScoreOutput { get; init; }

    public string? ProbabilitiesOutput { get; init; }

    /// <summary>Recorded as the bundle's trainer (for example "sklearn.RandomForestClassifier").</summary>
    public string Trainer { get; init; } = "external";
}
