namespace Cairn.Monitoring.Statistics;

/// <summary>
/// The distribution of the two-sided one-sample Kolmogorov–Smirnov statistic D_n (SciPy's
/// <c>stats.kstwo</c>), ported from SciPy's <c>_ksstats._kolmogn</c>: Simard &amp; L'Ecuyer's choice
/// between Ruben–Gambino closed forms, the Durbin matrix (Marsaglia–Tsang–Wang), Pomeranz's recursion,
/// the Pelz–Good approximation and 2·Smirnov. <c>ks_2samp</c>'s asymptotic p-value is
/// <c>kstwo.sf(d, round(n1·n2/(n1+n2)))</c>.
/// </summary>
public static partial class Kolmogorov
{
    private const double Log2Pi = 1.8378770664093454835606594728112;

    // Bernoulli-number Stirling coefficients B_2j/(2j)/(2j-1), j = 8..1 (highest first, for Horner).
    private static readonly double[] StirlingCoefficients =
    [
        -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    ];

    /// <summary>P(D_n ≥ x) (SciPy <c>kstwo.sf(x, n)</c>).</summary>
    public static double Sf(long n, double x) => Kolmogn(n, x, cdf: false);

    /// <summary>P(D_n ≤ x) (SciPy <c>kstwo.cdf(x, n)</c>).</summary>
    public static double Cdf(long n, double x) => Kolmogn(n, x, cdf: true);

    private static double Select(double cdfProbability, double sfProbability, bool cdf) =>
        Math.Clamp(cdf ? cdfProbability : sfProbability, 0.0, 1.0);

    private static double Kolmogn(long n, double x, bool cdf)
    {
        if (double.IsNaN(x) || n <= 0)
        {
            return double.NaN;
        }

        if (x >= 1.0)
        {
            return Select(1.0, 0.0, cdf);
        }

        if (x <= 0.0)
        {
            return Select(0.0, 1.0, cdf);
        }

        var t = n * x;
        if (t <= 1.0)
        {
            // Ruben–Gambino: 1/2n <= x <= 1/n.
            if (t <= 0.5)
            {
                return Select(0.0, 1.0, cdf);
            }

            double product;
            if (n <= 140)
            {
                product = 1.0;
                for (var i = 1; i <= n; i++)
                {
                    product *= i * (1.0 / n) * ((2 * t) - 1);
                }
            }
            else
            {
                product = Math.Exp(LogFactorialOverPower(n) + (n * Math.Log((2 * t) - 1)));
            }

            return Select(product, 1.0 - product, cdf);
        }

        if (t >= n - 1)
        {
            var tail = 2 * Math.Pow(1.0 - x, n);
            return Select(1 - tail, tail, cdf);
        }

        if (x >= 0.5)
        {
            var tail = 2 * Smirnov.Sf(n, x);
            return Select(1.0 - tail, tail, cdf);
        }

        var nxSquared = t * x;
        if (n <= 140)
        {
            if (nxSquared <= 0.754693)
            {
                var p = DurbinMatrix(n, x);
                return Select(p, 1.0 - p, cdf);
            }

            if (nxSquared <= 4)
            {
                var p = Pomeranz(n, x);
                return Select(p, 1.0 - p, cdf);
            }

            var tail = 2 * Smirnov.Sf(n, x);
            return Select(1.0 - tail, tail, cdf);
        }

        // The CDF and the SF have different cut-offs on n·x².
        if (!cdf)
        {
            if (nxSquared >= 370.0)
            {
                return 0.0;
            }

            if (nxSquared >= 2.2)
            {
                return Math.Clamp(2 * Smirnov.Sf(n, x), 0.0, 1.0);
            }
        }

        double cdfProbability;
        if (nxSquared >= 18.0)
        {
            cdfProbability = 1.0;
        }
        else if (n <= 100000 && n * Math.Pow(x, 1.5) <= 1.4)
        {
            cdfProbability = DurbinMatrix(n, x);
        }
        else
        {
            cdfProbability = PelzGood(n, x);
        }

        return Select(cdfProbability, 1.0 - cdfProbability, cdf);
    }

    /// <summary>log(n!/n^n) by Stirling's series with n·log(n) removed up front (no cancellation).</summary>
    private static double LogFactorialOverPower(long n)
    {
        var rn = 1.0 / n;
        return (Math.Log(n) / 2) - n + (Log2Pi / 2) + (rn * Polynomial.Evaluate(rn / n, StirlingCoefficients));
    }

    /// <summary>Pelz–Good approximation of P(D_n ≤ x) for 0 &lt; x &lt; 1 (good for large n).</summary>
    private static double PelzGood(long n, double x)
    {
        const double piSquared = Math.PI * Math.PI;
        const double piFour = piSquared * piSquared;
        const double piSix = piFour * piSquared;
        var sqrt2Pi = Math.Sqrt(2 * Math.PI);

        var z = Math.Sqrt(n) * x;
        double zSquared = z * z, zThree = z * z * z, zFour = zSquared * zSquared, zSix = zFour * zSquared;
        var qLog = -piSquared / 8 / zSquared;
        if (qLog < -708)
        {
            return 0.0;
        }

        var q = Math.Exp(qLog);
        var k1a = -zSquared;
        var k1b = piSquared / 4;
        var k2a = (6 * zSix) + (2 * zFour);
        var k2b = ((2 * zFour) - (5 * zSquared)) * piSquared / 4;
        var k2c = piFour * (1 - (2 * zSquared)) / 16;
        var k3d = piSix * (5 - (30 * zSquared)) / 64;
        var k3c = piFour * ((-60 * zSquared) + (212 * zFour)) / 16;
        var k3b = piSquared * ((135 * zFour) - (96 * zSix)) / 4;
        var k3a = (-30 * zSix) - (90 * Math.Pow(z, 8));

        // Horner scheme over odd m = 2k - 1 of c_m q^(m²).
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var maxK = (int)Math.Ceiling(16 * z / Math.PI);
        for (var k = maxK; k > 0; k--)
        {
            double m = (2 * k) - 1;
            double mSquared = m * m, mFour = mSquared * mSquared, mSix = mFour * mSquared;
            var qPower = Math.Pow(q, 8 * k);
            s0 = (s0 * qPower) + 1.0;
            s1 = (s1 * qPower) + k1a + (k1b * mSquared);
            s2 = (s2 * qPower) + k2a + (k2b * mSquared) + (k2c * mFour);
            s3 = (s3 * qPower) + k3a + (k3b * mSquared) + (k3c * mFour) + (k3d * mSix);
        }

        var scale = q * sqrt2Pi;
        s0 = s0 * scale / z;
        s1 = s1 * scale / (6 * zFour);
        s2 = s2 * scale / (72 * Math.Pow(z, 7));
        s3 = s3 * scale / (6480 * Math.Pow(z, 10));

        // The sums over all integers k of (π²k²) q^(k²) and (3π²k²z² - π⁴k⁴) q^(k²).
        var q2 = Math.Exp(-piSquared / 2 / zSquared);
        var sqrt3z = Math.Sqrt(3) * z;
        double k2Extra = 0, k3Extra = 0;
        for (var k = maxK; k > 0; k--)
        {
            double kSquared = (double)k * k;
            var kPi = Math.PI * k;
            var qPower = Math.Pow(q2, kSquared);
            k2Extra += kSquared * qPower;
            k3Extra += (sqrt3z + kPi) * (sqrt3z - kPi) * kSquared * qPower;
        }

        s2 += k2Extra * (piSquared * sqrt2Pi / (-36 * zThree));
        s3 += k3Extra * (piSquared * sqrt2Pi / (216 * zSix));
        double rootN = Math.Sqrt((double)n);
        return s0 + (s1 / rootN) + (s2 / n) + (s3 / (n * rootN));
    }
}
