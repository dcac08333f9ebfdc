namespace Cairn.Training.Evaluation;

/// <summary>
/// Metrics of a model on one data set, flat and snake_case: binary <c>auc</c>, <c>accuracy</c>,
/// <c>precision</c>, <c>recall</c>, <c>f1</c>, <c>log_loss</c>; multiclass <c>accuracy</c>
/// (= <c>micro_accuracy</c> = <c>micro_f1</c>), <c>macro_accuracy</c> (mean per-class recall),
/// <c>macro_f1</c>, <c>log_loss</c>; regression <c>rmse</c>, <c>mse</c>, <c>mae</c>, <c>r2</c>.
/// Log-loss uses the natural logarithm. Classification reports carry the confusion matrix.
/// </summary>
public sealed record EvaluationReport(ModelTask Task, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>Rows evaluated (rows with a label).</summary>
    public int RowCount { get; init; }

    /// <summary>Which data the metrics come from: <c>test</c>, <c>validation</c> or <c>train</c>.</summary>
    public string? Dataset { get; init; }

    public ConfusionMatrix? ConfusionMatrix { get; init; }
}
