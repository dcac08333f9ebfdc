namespace Cairn.Monitoring.Rollouts;

/// <summary>
/// The two tests the canary analysis runs: the two-proportion z-test (pooled, two-sided, as Evidently's
/// <c>z</c> stattest) and Mann–Whitney U (two-sided, normal approximation with tie correction, as SciPy's
/// <c>mannwhitneyu(method="asymptotic", use_continuity=True)</c>).
/// </summary>
internal static class RolloutStatistics
{
    private static readonly double[] Coefficients =
        [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];

    public static (double Z, double PValue) TwoProportionZ(long s1, long n1, long s2, long n2)
    {
        if (n1 == 0 || n2 == 0)
        {
            return (0, 1);
        }

        var p1 = (double)s1 / n1;
        var p2 = (double)s2 / n2;
        var pooled = (double)(s1 + s2) / (n1 + n2);
        var se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        if (se == 0)
        {
            return (0, 1);
        }

        var z = (p1 - p2) / se;
        return (z, Erfc(Math.Abs(z) / Math.Sqrt(2)));
    }

    public static (double U, double PValue) MannWhitney(double[] a, double[] b)
    {
        var n1 = a.Length;
        var n2 = b.Length;
        if (n1 == 0 || n2 == 0)
        {
            return (0, 1);
        }

        var all = a.Select(v => (Value: v, First: true)).Concat(b.Select(v => (Value: v, First: false))).OrderBy(x => x.Value).ToArray();
        double rankSumA = 0;
        double tieTerm = 0;
        for (var i = 0; i < all.Length;)
        {
            var j = i;
            while (j + 1 < all.Length && all[j + 1].Value == all[i].Value)
            {
                j++;
            }

            var rank = ((i + j) / 2.0) + 1;
            var ties = j - i + 1;
            tieTerm += ((double)ties * ties * ties) - ties;
            for (var k = i; k <= j; k++)
            {
                if (all[k].First)
                {
                    rankSumA += rank;
                }
            }

            i = j + 1;
        }

        var u1 = rankSumA - (n1 * (n1 + 1) / 2.0);
        var mean = n1 * (double)n2 / 2;
        var n = n1 + n2;
        var sigma = Math.Sqrt(n1 * (double)n2 / 12 * ((n + 1) - (tieTerm / (n * (double)(n - 1)))));
        if (sigma == 0)
        {
            return (u1, 1);
        }

        var z = (Math.Abs(u1 - mean) - 0.5) / sigma;
        return (u1, Math.Min(1, Erfc(Math.Max(z, 0) / Math.Sqrt(2))));
    }

    /// <summary>Complementary error function (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7).</summary>
    internal static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        double poly = 0;
        for (var k = Coefficients.Length - 1; k >= 0; k--)
        {
            poly = Coefficients[k] + (t * poly);
        }

        var r = t * Math.Exp((-z * z) + poly);
        return x >= 0 ? r : 2 - r;
    }
}
