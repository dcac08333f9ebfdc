using Cairn.Core.Monitoring;

namespace Cairn.Monitoring.Performance;

/// <summary>Live model quality from predictions joined with their feedback, for the whole window and per time slice.</summary>
public static class PerformanceCalculator
{
    public const string ClassificationTask = "classification";

    public const string RegressionTask = "regression";

    /// <summary>
    /// accuracy, macro_f1, and (binary, with probabilities) auc and log_loss. <paramref name="probabilities"/>
    /// rows are in <paramref name="classes"/> order; rows may be null.
    /// </summary>
    /// <remarks>
    /// A null prediction counts as wrong (the model answered nothing for a labelled request). macro_f1
    /// averages over the classes present in actual ∪ predicted, as scikit-learn does by default. auc is
    /// reported for two classes only, with <c>classes[1]</c> as the positive class (scikit-learn's
    /// <c>predict_proba</c> column order), and only when both classes occur among the rows with probabilities.
    /// </remarks>
    public static PerformanceSummary Classification(IReadOnlyList<string?> predicted, IReadOnlyList<string> actual, IReadOnlyList<double[]?>? probabilities,
        IReadOnlyList<string>? classes, IReadOnlyList<long> timestamps, int slices)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(timestamps);
        RequireSameLength(actual.Count, predicted.Count, nameof(predicted));
        RequireSameLength(actual.Count, timestamps.Count, nameof(timestamps));
        if (probabilities is not null)
        {
            RequireSameLength(actual.Count, probabilities.Count, nameof(probabilities));
        }

        var all = Enumerable.Range(0, actual.Count).ToArray();
        return new PerformanceSummary
        {
            Task = ClassificationTask,
            Labelled = actual.Count,
            Metrics = ClassificationMetrics.Compute(predicted, actual, probabilities, classes, all),
            OverTime = [.. TimeSlices.Split(timestamps, slices).Select(s =>
                new PerformancePoint(s.Start, s.End, s.Rows.Length, ClassificationMetrics.Compute(predicted, actual, probabilities, classes, s.Rows)))],
        };
    }

    /// <summary>rmse, mae, r2. Pairs with a non-finite value are left out.</summary>
    public static PerformanceSummary Regression(IReadOnlyList<double> predicted, IReadOnlyList<double> actual, IReadOnlyList<long> timestamps, int slices)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(timestamps);
        RequireSameLength(actual.Count, predicted.Count, nameof(predicted));
        RequireSameLength(actual.Count, timestamps.Count, nameof(timestamps));

        var all = Enumerable.Range(0, actual.Count).ToArray();
        return new PerformanceSummary
        {
            Task = RegressionTask,
            Labelled = actual.Count,
            Metrics = RegressionMetrics.Compute(predicted, actual, all),
            OverTime = [.. TimeSlices.Split(timestamps, slices).Select(s =>
                new PerformancePoint(s.Start, s.End, s.Rows.Length, RegressionMetrics.Compute(predicted, actual, s.Rows)))],
        };
    }

    private static void RequireSameLength(int expected, int actual, string name)
    {
        if (expected != actual)
        {
            throw new ArgumentException($"{name} has {actual} rows but actual has {expected}; every row needs both.", name);
        }
    }
}
