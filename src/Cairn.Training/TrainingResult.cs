using Cairn.Training.Bundles;
using Cairn.Training.Evaluation;

namespace Cairn.Training;

/// <summary>A trained model bundle and its evaluation on the held-out data (test, else validation, else train).</summary>
public sealed record TrainingResult(ModelBundle Bundle, EvaluationReport Evaluation);
