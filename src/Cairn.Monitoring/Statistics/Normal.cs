namespace Cairn.Monitoring.Statistics;

/// <summary>
/// The error function and the standard normal distribution, ported from Cephes (as SciPy's
/// <c>special.erfc</c> / <c>special.ndtr</c> compute them) so that p-values match SciPy digit for digit:
/// .NET has no <c>erfc</c>, and a generic approximation loses the relative accuracy of small tails.
/// </summary>
public static class Normal
{
    private const double MaxLog = 7.09782712893383996843E2;

    private static readonly double[] ErfcP =
    [
        2.46196981473530512524E-10, 5.64189564831068821977E-1, 7.46321056442269912687E0,
        4.86371970985681366614E1, 1.96520832956077098242E2, 5.26445194995477358631E2,
        9.34528527171957607540E2, 1.02755188689515710272E3, 5.57535335369399327526E2,
    ];

    // Leading coefficient 1 is implicit (Cephes p1evl).
    private static readonly double[] ErfcQ =
    [
        1.32281951154744992508E1, 8.67072140885989742329E1, 3.54937778887819891062E2,
        9.75708501743205489753E2, 1.82390916687909736289E3, 2.24633760818710981792E3,
        1.65666309194161350182E3, 5.57535340817727675546E2,
    ];

    private static readonly double[] ErfcR =
    [
        5.64189583547755073984E-1, 1.27536670759978104416E0, 5.01905042251180477414E0,
        6.16021097993053585195E0, 7.40974269950448939160E0, 2.97886665372100240670E0,
    ];

    private static readonly double[] ErfcS =
    [
        2.26052863220117276590E0, 9.39603524938001434673E0, 1.20489539808096656605E1,
        1.70814450747565897222E1, 9.60896809063285878198E0, 3.36907645100081516050E0,
    ];

    private static readonly double[] ErfT =
    [
        9.60497373987051638749E0, 9.00260197203842689217E1, 2.23200534594684319226E3,
        7.00332514112805075473E3, 5.55923013010394962768E4,
    ];

    private static readonly double[] ErfU =
    [
        3.35617141647503099647E1, 5.21357949780152679795E2, 4.59432382970980127987E3,
        2.26290000613890934246E4, 4.92673942608635921086E4,
    ];

    /// <summary>Complementary error function 1 - erf(x), accurate in the far tail.</summary>
    public static double Erfc(double a)
    {
        if (double.IsNaN(a))
        {
            return double.NaN;
        }

        var x = Math.Abs(a);
        if (x < 1.0)
        {
            return 1.0 - Erf(a);
        }

        var z = -a * a;
        if (z < -MaxLog)
        {
            return a < 0 ? 2.0 : 0.0;
        }

        z = Math.Exp(z);
        double p, q;
        if (x < 8.0)
        {
            p = Polynomial.Evaluate(x, ErfcP);
            q = Polynomial.EvaluateMonic(x, ErfcQ);
        }
        else
        {
            p = Polynomial.Evaluate(x, ErfcR);
            q = Polynomial.EvaluateMonic(x, ErfcS);
        }

        var y = z * p / q;
        if (a < 0)
        {
            y = 2.0 - y;
        }

        if (y != 0.0)
        {
            return y;
        }

        return a < 0 ? 2.0 : 0.0;
    }

    /// <summary>Error function.</summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x < 0.0)
        {
            return -Erf(-x);
        }

        if (x > 1.0)
        {
            return 1.0 - Erfc(x);
        }

        var z = x * x;
        return x * Polynomial.Evaluate(z, ErfT) / Polynomial.EvaluateMonic(z, ErfU);
    }

    /// <summary>Standard normal CDF (SciPy <c>ndtr</c>).</summary>
    public static double Cdf(double a)
    {
        if (double.IsNaN(a))
        {
            return double.NaN;
        }

        var x = a * 0.70710678118654752440;
        var z = Math.Abs(x);
        if (z < 0.70710678118654752440)
        {
            return 0.5 + (0.5 * Erf(x));
        }

        var y = 0.5 * Erfc(z);
        return x > 0 ? 1.0 - y : y;
    }

    /// <summary>Standard normal survival function 1 - CDF (SciPy <c>norm.sf</c> = <c>ndtr(-x)</c>).</summary>
    public static double Sf(double x) => Cdf(-x);

    /// <summary>Two-sided p-value of a standard normal statistic: P(|Z| ≥ |z|) = erfc(|z|/√2).</summary>
    public static double TwoSidedPValue(double z) =>
        double.IsNaN(z) ? double.NaN : Math.Min(1.0, Erfc(Math.Abs(z) * 0.70710678118654752440));
}
