using Cairn.Core.Monitoring;

namespace Cairn.Monitoring.Performance;

/// <summary>Live model quality from predictions joined with their feedback, for the whole window and per time slice.</summary>
public static class PerformanceCalculator
{
    /// <summary>
    /// accuracy, macro_f1, and (binary, with probabilities) auc and log_loss. <paramref name="probabilities"/>
    /// rows are in <paramref name="classes"/> order; rows may be null.
    /// </summary>
    public static PerformanceSummary Classification(IReadOnlyList<string?> predicted, IReadOnlyList<string> actual, IReadOnlyList<double[]?>? probabilities,
        IReadOnlyList<string>? classes, IReadOnlyList<long> timestamps, int slices) => throw new NotImplementedException();

    /// <summary>rmse, mae, r2.</summary>
    public static PerformanceSummary Regression(IReadOnlyList<double> predicted, IReadOnlyList<double> actual, IReadOnlyList<long> timestamps, int slices) =>
        throw new NotImplementedException();
}
