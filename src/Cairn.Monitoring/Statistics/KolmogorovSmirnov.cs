namespace Cairn.Monitoring.Statistics;

/// <summary>How <see cref="KolmogorovSmirnov"/> computes the p-value (SciPy <c>ks_2samp(method=...)</c>).</summary>
public enum KsMethod
{
    /// <summary>Exact when both samples have at most 10,000 values, else asymptotic.</summary>
    Auto,
    Exact,
    Asymptotic,
}

/// <summary>The two-sample KS statistic D = sup|F1 - F2| and its two-sided p-value.</summary>
public sealed record KsResult(double Statistic, double PValue, bool Exact);

/// <summary>
/// Two-sample, two-sided Kolmogorov–Smirnov test ported from SciPy 1.10's <c>ks_2samp</c>: the exact
/// p-value counts lattice paths (<c>_compute_prob_outside_square</c> for equal sizes, Viehmann's stable
/// <c>_compute_outer_prob_inside_method</c> otherwise); the asymptotic one is
/// <c>kstwo.sf(d, round(n1·n2/(n1+n2)))</c>. D is computed in integers (|i·n2 - j·n1| over n1·n2), so the
/// exact path needs no rounding of d to the lattice.
/// </summary>
public static class KolmogorovSmirnov
{
    /// <summary>SciPy's MAX_AUTO_N: <see cref="KsMethod.Auto"/> is exact up to this sample size.</summary>
    public const int MaxAutoExactN = 10000;

    /// <summary>Sorts copies of the samples and tests them.</summary>
    public static KsResult Test(double[] a, double[] b, KsMethod method = KsMethod.Auto)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return TestSorted(RadixSort.SortedCopy(a), RadixSort.SortedCopy(b), method);
    }

    /// <summary>Tests samples that are already sorted ascending (the drift calculator sorts each side once).</summary>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN.</exception>
    public static KsResult TestSorted(ReadOnlySpan<double> a, ReadOnlySpan<double> b, KsMethod method = KsMethod.Auto)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            throw new ArgumentException("the two-sample KS test needs at least one value in each sample");
        }

        // Sorted copies put NaN first (Array.Sort), so one look per side finds any.
        if (double.IsNaN(a[0]) || double.IsNaN(b[0]))
        {
            throw new ArgumentException("the two-sample KS test does not accept NaN values");
        }

        long n1 = a.Length, n2 = b.Length;
        var scaled = ScaledStatistic(a, b);
        var g = Gcd(n1, n2);
        if (method == KsMethod.Auto)
        {
            method = Math.Max(n1, n2) <= MaxAutoExactN ? KsMethod.Exact : KsMethod.Asymptotic;
        }
        else if (method == KsMethod.Exact && n1 / g >= int.MaxValue / (double)(n2 / g))
        {
            method = KsMethod.Asymptotic;
        }

        // D = scaled / (n1·n2) = h / lcm with h = scaled / g (an integer: i·n2 - j·n1 is a multiple of g).
        var d = (double)scaled / ((double)n1 * n2);
        if (method == KsMethod.Exact)
        {
            var p = ExactPValue(n1, n2, g, scaled / g);
            if (p is >= 0 and <= 1)
            {
                return new KsResult(d, p, true);
            }
        }

        return new KsResult(d, AsymptoticPValue(n1, n2, d), false);
    }

    /// <summary>SciPy's asymptotic two-sided p-value: kstwo.sf(d, round(n1·n2/(n1+n2))) (round half to even like numpy).</summary>
    public static double AsymptoticPValue(long n1, long n2, double d)
    {
        double m = Math.Max(n1, n2), n = Math.Min(n1, n2);
        var en = m * n / (m + n);
        return Math.Clamp(Kolmogorov.Sf((long)Math.Round(en, MidpointRounding.ToEven), d), 0.0, 1.0);
    }

    /// <summary>max over the pooled values of |i·n2 - j·n1|, i and j the counts of each sample ≤ the value.</summary>
    internal static long ScaledStatistic(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        long n1 = a.Length, n2 = b.Length;
        int i = 0, j = 0;
        long max = 0;
        while (i < a.Length && j < b.Length)
        {
            var value = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] <= value)
            {
                i++;
            }

            while (j < b.Length && b[j] <= value)
            {
                j++;
            }

            max = Math.Max(max, Math.Abs((i * n2) - (j * n1)));
        }

        // Once one side is exhausted the difference moves monotonically to 0, so the maximum is already seen.
        return max;
    }

    private static double ExactPValue(long n1, long n2, long g, long h)
    {
        if (h == 0)
        {
            return 1.0;
        }

        return n1 == n2 ? ProbabilityOutsideSquare(n1, h) : OuterProbabilityInside(n1, n2, g, h);
    }

    /// <summary>P(D_{n,n} ≥ h/n) = 2·(A0(1 - A1(1 - A2(...)))) by a Horner-like scheme (no cancellation).</summary>
    private static double ProbabilityOutsideSquare(long n, long h)
    {
        var p = 0.0;
        for (var k = n / h; k >= 0; k--)
        {
            var term = 1.0;
            for (long j = 0; j < h; j++)
            {
                term = (n - (k * h) - j) * term / (n + (k * h) + j + 1);
            }

            p = term * (1.0 - p);
        }

        return 2 * p;
    }

    /// <summary>
    /// 1 - (paths staying strictly inside |x/m - y/n| &lt; h/lcm) / C(m+n, n), computed directly as the
    /// complement (Viehmann 2021) over a sliding window of one lattice column.
    /// </summary>
    private static double OuterProbabilityInside(long m, long n, long g, long h)
    {
        if (m < n)
        {
            (m, n) = (n, m);
        }

        var mg = m / g;
        var ng = n / g;
        var minJ = 0L;
        var maxJ = Math.Min(CeilDiv(h, mg), n + 1);
        var currentLength = maxJ - minJ;
        var lengthA = (int)Math.Min((2 * maxJ) + 2, n + 1);
        var column = new double[lengthA];
        Array.Fill(column, 1.0);
        Array.Clear(column, 0, (int)Math.Min(maxJ, lengthA));
        for (long i = 1; i <= m; i++)
        {
            var lastMinJ = minJ;
            var lastLength = currentLength;
            minJ = Math.Min(Math.Max(FloorDiv((ng * i) - h, mg) + 1, 0), n);
            maxJ = Math.Min(CeilDiv((ng * i) + h, mg), n + 1);
            if (maxJ <= minJ)
            {
                return 1.0;
            }

            var value = minJ == 0 ? 0.0 : 1.0;
            var shift = minJ - lastMinJ;
            double di = i;
            for (long jj = 0; jj < maxJ - minJ; jj++)
            {
                double j = jj + minJ;
                value = ((column[jj + shift] * di) + (value * j)) / (di + j);
                column[jj] = value;
            }

            currentLength = maxJ - minJ;
            if (lastLength > currentLength)
            {
                var from = (int)currentLength;
                var to = (int)Math.Min(currentLength + (lastLength - currentLength), lengthA);
                Array.Fill(column, 1.0, from, Math.Max(0, to - from));
            }
        }

        return column[maxJ - minJ - 1];
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static long CeilDiv(long a, long b) => -FloorDiv(-a, b);

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
