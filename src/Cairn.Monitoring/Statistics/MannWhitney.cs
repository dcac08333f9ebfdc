namespace Cairn.Monitoring.Statistics;

/// <summary>
/// Two-sided Mann–Whitney U test with SciPy's <c>mannwhitneyu(x, y, method="asymptotic")</c> semantics:
/// U is the statistic of the first sample (U1 = R1 - n1(n1+1)/2), the p-value is the normal
/// approximation with tie correction and continuity correction, 2·sf((max(U1, U2) - n1·n2/2 - 0.5) / σ).
/// </summary>
public static class MannWhitney
{
    /// <summary>Tests whether <paramref name="a"/> and <paramref name="b"/> come from the same distribution.</summary>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN (SciPy rejects NaN too).</exception>
    public static (double U, double PValue) Test(double[] a, double[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length == 0 || b.Length == 0)
        {
            throw new ArgumentException("Mann-Whitney U needs at least one value in each sample");
        }

        var x = SortedCopy(a, nameof(a));
        var y = SortedCopy(b, nameof(b));
        var (rankSumA, tieTerm) = RankSum(x, y);

        double n1 = x.Length;
        double n2 = y.Length;
        var u1 = rankSumA - (n1 * (n1 + 1) / 2);
        var u2 = (n1 * n2) - u1;
        var u = Math.Max(u1, u2);
        var n = n1 + n2;
        var sigma = Math.Sqrt(n1 * n2 / 12 * ((n + 1) - (tieTerm / (n * (n - 1)))));

        // All values tied: σ = 0 and the numerator is -0.5, so z = -inf and p = 1 (as SciPy gets).
        var z = (u - (n1 * n2 / 2) - 0.5) / sigma;
        var p = 2 * Normal.Sf(z);
        return (u1, Math.Clamp(p, 0.0, 1.0));
    }

    private static double[] SortedCopy(double[] values, string name)
    {
        var copy = (double[])values.Clone();
        foreach (var value in copy)
        {
            if (double.IsNaN(value))
            {
                throw new ArgumentException("Mann-Whitney U does not accept NaN values", name);
            }
        }

        Array.Sort(copy);
        return copy;
    }

    /// <summary>Average-rank sum of the first sample and Σ(t³ - t) over tie groups, by merging the sorted samples.</summary>
    private static (double RankSumA, double TieTerm) RankSum(double[] x, double[] y)
    {
        double rankSum = 0;
        double tieTerm = 0;
        int i = 0, j = 0;
        long position = 0; // values already ranked
        while (i < x.Length || j < y.Length)
        {
            var value = j >= y.Length || (i < x.Length && x[i] <= y[j]) ? x[i] : y[j];
            var fromA = 0;
            while (i < x.Length && x[i] == value)
            {
                i++;
                fromA++;
            }

            var fromB = 0;
            while (j < y.Length && y[j] == value)
            {
                j++;
                fromB++;
            }

            double t = fromA + fromB;
            var averageRank = position + ((t + 1) / 2);
            rankSum += fromA * averageRank;
            tieTerm += (t * t * t) - t;
            position += fromA + fromB;
        }

        return (rankSum, tieTerm);
    }
}
