namespace Cairn.Monitoring.Statistics;

/// <summary>
/// The one-sided Kolmogorov–Smirnov (Smirnov) survival function P(D⁺_n ≥ x), following SciPy's Cephes
/// <c>smirnov</c>: the Birnbaum–Tingey sum x·Σ_{v ≤ n(1-x)} C(n,v)(x+v/n)^(v-1)(1-x-v/n)^(n-v) with the
/// same special cases and early termination. SciPy sums in double-double; here every term is evaluated
/// in log space (terms are positive, so there is no cancellation), which is ample for 1e-6 p-values.
/// The upper-sum variant SciPy uses for x &lt;= 0.5/√n is not needed: <see cref="Kolmogorov"/> only calls
/// this for n·x² ≥ 2.2 or x ≥ 0.5.
/// </summary>
public static class Smirnov
{
    private const double MinLog = -7.451332191019412076235E2;
    private const int MaxComputeN = 1000000;
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>P(D⁺_n ≥ x) (SciPy <c>special.smirnov(n, x)</c>).</summary>
    public static double Sf(long n, double x)
    {
        if (!(n > 0 && x >= 0.0 && x <= 1.0))
        {
            return double.NaN;
        }

        if (n == 1)
        {
            return 1 - x;
        }

        if (x == 0.0)
        {
            return 1.0;
        }

        if (x == 1.0)
        {
            return 0.0;
        }

        var nx = n * x;
        var nxFloor = (long)Math.Floor(nx);
        var alpha = nx - nxFloor;

        // x <= 1/n: closed form of the CDF.
        if (nxFloor == 0 || (nxFloor == 1 && alpha == 0))
        {
            var cdf = x * Math.Pow(1 + x, n - 1);
            return Math.Clamp(1 - cdf, 0.0, 1.0);
        }

        if (-2 * n * x * x < MinLog)
        {
            return 0.0;
        }

        // x >= 1 - 1/n.
        if (nxFloor >= n - 1)
        {
            return Math.Clamp(Math.Pow(1 - x, n), 0.0, 1.0);
        }

        if (n > MaxComputeN)
        {
            // SciPy's approximation p ~ exp(-(6nx+1)² / 18n) for very large n.
            return Math.Exp(-Math.Pow((6.0 * n * x) + 1, 2) / 18.0 / n);
        }

        return Math.Clamp(x * LowerSum(n, x, nx, nxFloor), 0.0, 1.0);
    }

    private static double LowerSum(long n, double x, double nx, long nxFloor)
    {
        var terms = n - nxFloor; // v = 0 .. n - floor(nx) - 1
        var middle = n / 2;

        // v = 0: (1-x)^n / x.
        var sum = Math.Exp(n * Math.Log(1 - x)) / x;
        var logBinomial = Math.Log(n); // C(n, 1)
        for (long v = 1; v < terms; v++)
        {
            var logTerm = logBinomial
                + ((v - 1) * Math.Log(x + ((double)v / n)))
                + ((n - v) * Math.Log(((n - v) - nx) / n));
            var term = Math.Exp(logTerm);
            if (term > 0 && double.IsFinite(term))
            {
                sum += term;
                if (4.0 * (terms - v) * term < MachineEpsilon * sum && v != terms - 1)
                {
                    break;
                }
            }
            else if (v > middle)
            {
                break;
            }

            logBinomial += Math.Log((double)(n - v) / (v + 1));
        }

        return sum;
    }
}
