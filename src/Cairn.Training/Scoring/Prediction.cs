namespace Cairn.Training.Scoring;

/// <summary>
/// One prediction. <see cref="Score"/> is the predicted value (regression), the probability of the
/// positive class (binary) or the probability of the predicted label (multiclass).
/// <see cref="Probabilities"/> maps every class label to its probability (classification only).
/// </summary>
public sealed record Prediction(string? Label, double Score, IReadOnlyDictionary<string, double>? Probabilities);
