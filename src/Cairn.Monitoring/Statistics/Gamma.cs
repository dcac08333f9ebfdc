namespace Cairn.Monitoring.Statistics;

/// <summary>
/// Log-gamma and the regularized incomplete gamma functions (Cephes <c>igam</c>/<c>igamc</c>: power
/// series below x = a, continued fraction above), for chi-square p-values (<c>chdtrc(df, x) = Q(df/2, x/2)</c>).
/// </summary>
public static class Gamma
{
    private const double MaxLog = 7.09782712893383996843E2;
    private const double MachineEpsilon = 1.11022302462515654042E-16;
    private const double Big = 4.503599627370496e15;
    private const double BigInverse = 2.22044604925031308085e-16;

    // Lanczos approximation, g = 7, n = 9 (relative error ~1e-15).
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    /// <summary>log Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            // Reflection: Γ(x)Γ(1-x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = Lanczos[0];
        var t = x + 7.5;
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>Regularized lower incomplete gamma P(a, x).</summary>
    public static double LowerRegularized(double a, double x)
    {
        if (double.IsNaN(a) || double.IsNaN(x) || a <= 0 || x < 0)
        {
            return double.NaN;
        }

        if (x == 0)
        {
            return 0.0;
        }

        if (x > 1.0 && x > a)
        {
            return 1.0 - UpperRegularized(a, x);
        }

        var ax = (a * Math.Log(x)) - x - LogGamma(a);
        if (ax < -MaxLog)
        {
            return 0.0;
        }

        ax = Math.Exp(ax);
        double r = a, c = 1.0, sum = 1.0;
        do
        {
            r += 1.0;
            c *= x / r;
            sum += c;
        }
        while (c / sum > MachineEpsilon);

        return sum * ax / a;
    }

    /// <summary>Regularized upper incomplete gamma Q(a, x) = 1 - P(a, x).</summary>
    public static double UpperRegularized(double a, double x)
    {
        if (double.IsNaN(a) || double.IsNaN(x) || a <= 0 || x < 0)
        {
            return double.NaN;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 0.0;
        }

        if (x < 1.0 || x < a)
        {
            return 1.0 - LowerRegularized(a, x);
        }

        var ax = (a * Math.Log(x)) - x - LogGamma(a);
        if (ax < -MaxLog)
        {
            return 0.0;
        }

        ax = Math.Exp(ax);

        // Continued fraction.
        var y = 1.0 - a;
        var z = x + y + 1.0;
        var c = 0.0;
        double pkm2 = 1.0, qkm2 = x, pkm1 = x + 1.0, qkm1 = z * x;
        var answer = pkm1 / qkm1;
        double t;
        do
        {
            c += 1.0;
            y += 1.0;
            z += 2.0;
            var yc = y * c;
            var pk = (pkm1 * z) - (pkm2 * yc);
            var qk = (qkm1 * z) - (qkm2 * yc);
            if (qk != 0)
            {
                var ratio = pk / qk;
                t = Math.Abs((answer - ratio) / ratio);
                answer = ratio;
            }
            else
            {
                t = 1.0;
            }

            pkm2 = pkm1;
            pkm1 = pk;
            qkm2 = qkm1;
            qkm1 = qk;
            if (Math.Abs(pk) > Big)
            {
                pkm2 *= BigInverse;
                pkm1 *= BigInverse;
                qkm2 *= BigInverse;
                qkm1 *= BigInverse;
            }
        }
        while (t > MachineEpsilon);

        return answer * ax;
    }

    /// <summary>Chi-square survival function with <paramref name="degreesOfFreedom"/> (SciPy <c>chi2.sf</c>).</summary>
    public static double ChiSquareSf(double statistic, double degreesOfFreedom) =>
        UpperRegularized(degreesOfFreedom / 2, statistic / 2);
}
