namespace Cairn.Monitoring.Statistics;

/// <summary>Mean and population standard deviation (ddof = 0, numpy's <c>np.std</c>) by two passes.</summary>
public static class Moments
{
    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        double sum = 0, compensation = 0;
        foreach (var value in values)
        {
            var t = sum + value;
            compensation += Math.Abs(sum) >= Math.Abs(value) ? (sum - t) + value : (value - t) + sum;
            sum = t;
        }

        return (sum + compensation) / values.Length;
    }

    /// <summary>√(Σ(x - mean)² / n), as <c>np.std(x)</c> (Evidently's Wasserstein norm).</summary>
    public static double PopulationStd(ReadOnlySpan<double> values, double mean)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        double sum = 0, compensation = 0;
        foreach (var value in values)
        {
            var d = value - mean;
            var square = d * d;
            var t = sum + square;
            compensation += sum >= square ? (sum - t) + square : (square - t) + sum;
            sum = t;
        }

        return Math.Sqrt((sum + compensation) / values.Length);
    }
}
