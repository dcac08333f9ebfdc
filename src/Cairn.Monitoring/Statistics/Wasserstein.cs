namespace Cairn.Monitoring.Statistics;

/// <summary>
/// First Wasserstein (earth mover's) distance between two 1-D samples, as SciPy's
/// <c>wasserstein_distance(u, v)</c> computes it: Σ |F_u - F_v| · Δ over the pooled sorted values, plus
/// Evidently's normed variant (distance / max(std(reference), 0.001), std with ddof = 0 like <c>np.std</c>).
/// </summary>
public static class Wasserstein
{
    /// <summary>Evidently's floor for the reference standard deviation.</summary>
    public const double MinimumNorm = 0.001;

    /// <summary>Sorts copies of the samples and measures the distance.</summary>
    public static double Distance(double[] u, double[] v)
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        return DistanceSorted(RadixSort.SortedCopy(u), RadixSort.SortedCopy(v));
    }

    /// <summary>The distance between samples already sorted ascending, by one merge pass (compensated sum).</summary>
    public static double DistanceSorted(ReadOnlySpan<double> u, ReadOnlySpan<double> v)
    {
        if (u.Length == 0 || v.Length == 0)
        {
            throw new ArgumentException("the Wasserstein distance needs at least one value in each sample");
        }

        double nu = u.Length, nv = v.Length;
        int i = 0, j = 0;
        double sum = 0, compensation = 0;
        var previous = Math.Min(u[0], v[0]);
        while (i < u.Length || j < v.Length)
        {
            // Between the previous pooled value and this one both CDFs are flat at i/nu and j/nv.
            var current = j >= v.Length || (i < u.Length && u[i] <= v[j]) ? u[i] : v[j];
            var delta = current - previous;
            if (delta != 0)
            {
                var term = Math.Abs((i / nu) - (j / nv)) * delta;
                var t = sum + term;
                compensation += Math.Abs(sum) >= Math.Abs(term) ? (sum - t) + term : (term - t) + sum;
                sum = t;
            }

            if (j >= v.Length || (i < u.Length && u[i] <= v[j]))
            {
                i++;
            }
            else
            {
                j++;
            }

            previous = current;
        }

        return sum + compensation;
    }

    /// <summary>Evidently's normed distance: <paramref name="distance"/> / max(<paramref name="referenceStd"/>, 0.001).</summary>
    public static double Normed(double distance, double referenceStd) => distance / Math.Max(referenceStd, MinimumNorm);
}
