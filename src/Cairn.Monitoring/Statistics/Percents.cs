namespace Cairn.Monitoring.Statistics;

/// <summary>Evidently's <c>get_binned_data</c> percentages and its zero-bin filling.</summary>
internal static class Percents
{
    public static double[] Of(ReadOnlySpan<long> counts, long size)
    {
        var percents = new double[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            percents[i] = counts[i] / (double)size;
        }

        return percents;
    }

    /// <summary>Zeros become 0.0001, or min(non-zero)/10⁶ when the smallest non-zero is ≤ 0.0001.</summary>
    public static double[] FillZeros(double[] percents)
    {
        var minimum = double.PositiveInfinity;
        foreach (var p in percents)
        {
            if (p != 0 && p < minimum)
            {
                minimum = p;
            }
        }

        if (double.IsPositiveInfinity(minimum))
        {
            return percents;
        }

        var fill = minimum <= 0.0001 ? minimum / 1e6 : 0.0001;
        for (var i = 0; i < percents.Length; i++)
        {
            if (percents[i] == 0)
            {
                percents[i] = fill;
            }
        }

        return percents;
    }
}
