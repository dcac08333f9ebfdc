namespace Cairn.Training.Bundles;

/// <summary>Names of the ONNX graph outputs that carry the predicted label, the score and the class probabilities.</summary>
public sealed record OnnxOutputMap
{
    public string? Label { get; init; }

    public string? Score { get; init; }

    public string? Probabilities { get; init; }
}
