namespace Cairn.Monitoring.Performance;

/// <summary>rmse, mae and r2 (scikit-learn's <c>r2_score</c>, including its answers for a constant target).</summary>
internal static class RegressionMetrics
{
    internal static IReadOnlyDictionary<string, double> Compute(IReadOnlyList<double> predicted, IReadOnlyList<double> actual, int[] rows)
    {
        var n = 0;
        double sumActual = 0;
        foreach (var i in rows)
        {
            if (double.IsFinite(predicted[i]) && double.IsFinite(actual[i]))
            {
                n++;
                sumActual += actual[i];
            }
        }

        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        if (n == 0)
        {
            return metrics;
        }

        var mean = sumActual / n;
        double squared = 0, absolute = 0, total = 0;
        foreach (var i in rows)
        {
            if (double.IsFinite(predicted[i]) && double.IsFinite(actual[i]))
            {
                var error = actual[i] - predicted[i];
                squared += error * error;
                absolute += Math.Abs(error);
                total += (actual[i] - mean) * (actual[i] - mean);
            }
        }

        metrics["rmse"] = Math.Sqrt(squared / n);
        metrics["mae"] = absolute / n;
        // scikit-learn (force_finite): a constant target gives 1 for a perfect fit, else 0.
        metrics["r2"] = total == 0 ? (squared == 0 ? 1.0 : 0.0) : 1 - (squared / total);
        return metrics;
    }
}
