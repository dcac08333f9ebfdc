using Cairn.Monitoring.Statistics;

namespace Cairn.Monitoring.Tests.Statistics;

/// <summary>
/// Extra cross-checks beyond the golden file, generated with SciPy 1.10.1 / numpy 1.24.2 on this
/// machine: large samples (asymptotic KS through every kstwo regime), unequal sizes near the exact
/// limit, heavy ties, and chi-square tails. Samples are deterministic sequences ((i·mul) mod m)/scale + shift
/// so SciPy and this test build bit-identical data.
/// </summary>
public sealed class ScipyCrossCheckTests
{
    [Theory]
    [InlineData("exact-1000-10000-0.3", 1000, 7919, 10007, 100.0, 0.0, 10000, 104729, 10009, 100.0, 0.3, 0.0046, 1.0, 1.0, 0.2729559999999982)]
    [InlineData("exact-1000-10000-2.0", 1000, 7919, 10007, 100.0, 0.0, 10000, 104729, 10009, 100.0, 2.0, 0.0216, 0.7831506804329893, 0.7816279678058696, 1.972956)]
    [InlineData("exact-1000-10000-6.0", 1000, 7919, 10007, 100.0, 0.0, 10000, 104729, 10009, 100.0, 6.0, 0.0615, 0.001987644092406079, 0.0019731305898074663, 5.972956)]
    [InlineData("large-equal-shift", 100000, 7919, 100003, 1000.0, 0.0, 100000, 104729, 100019, 1000.0, 0.3, 0.0031600000000000517, 0.6989820197324645, 0.6989820197324645, 0.3084720199999982)]
    [InlineData("large-unequal-small-d", 60000, 7919, 100003, 1000.0, 0.0, 45000, 104729, 100019, 1000.0, 0.05, 0.0007222222222222907, 1.0, 1.0, 0.05551129444444267)]
    [InlineData("medium-unequal-exact", 9000, 7919, 10007, 100.0, 0.0, 7000, 104729, 10009, 100.0, 0.4, 0.00526984126984127, 0.9998848009769353, 0.9998869330294718, 0.43564444444444583)]
    [InlineData("ties", 5000, 37, 101, 10.0, 0.0, 4000, 53, 97, 10.0, 0.1, 0.0384, 0.0027769845625300773, 0.002775564284090897, 0.12581500000000023)]
    [InlineData("large-tiny-d", 100000, 7919, 100003, 1000.0, 0.0, 100000, 7919, 100003, 1000.0, 0.0005, 1.0000000000065512e-05, 1.0, 1.0, 0.0005000000000014776)]
    [InlineData("large-mild", 100000, 7919, 100003, 1000.0, 0.0, 100000, 104729, 100019, 1000.0, 0.5, 0.005160000000000053, 0.13901229598843778, 0.13901229598843778, 0.50847202)]
    [InlineData("large-drift", 100000, 7919, 100003, 1000.0, 0.0, 100000, 104729, 100019, 1000.0, 1.2, 0.012170000000000014, 7.328841470964777e-07, 7.328841470964777e-07, 1.2084720200000019)]
    [InlineData("large-strong", 100000, 7919, 100003, 1000.0, 0.0, 100000, 104729, 100019, 1000.0, 5.0, 0.05015000000000003, 9.995795482677049e-110, 9.995795482677049e-110, 5.008472020000001)]
    public void KsAndWasserstein_OnGeneratedSamples_MatchScipy(
        string name, int n1, long mul1, long mod1, double scale1, double shift1, int n2, long mul2, long mod2, double scale2, double shift2,
        double statistic, double pAuto, double pAsymptotic, double wasserstein)
    {
        var a = Sequence(n1, mul1, mod1, scale1, shift1);
        var b = Sequence(n2, mul2, mod2, scale2, shift2);

        var auto = KolmogorovSmirnov.Test(a, b);
        var asymptotic = KolmogorovSmirnov.Test(a, b, KsMethod.Asymptotic);

        Close.Statistic(statistic, auto.Statistic, $"{name} D");
        Close.PValue(pAuto, auto.PValue, $"{name} auto p");
        Close.PValue(pAsymptotic, asymptotic.PValue, $"{name} asymptotic p");
        Close.Statistic(wasserstein, Wasserstein.Distance(a, b), $"{name} wasserstein");
    }

    [Theory]
    [InlineData(50000, 0.0005, 1.0)]
    [InlineData(50000, 0.004, 0.3994316646755731)]
    [InlineData(50000, 0.008, 0.003305231279334067)]
    [InlineData(50000, 0.02, 8.35587873542047e-18)]
    [InlineData(50000, 0.05, 4.497854714253647e-109)]
    [InlineData(1364, 0.01, 0.9990226523606148)]
    [InlineData(1364, 0.05, 0.002106155324505462)]
    [InlineData(30000, 0.2, 0.0)]
    [InlineData(100, 0.05, 0.9532159710635725)]
    [InlineData(100, 0.15, 0.019839242125643017)]
    [InlineData(100, 0.3, 1.7719869892662917e-08)]
    [InlineData(200, 0.6, 2.2284451128877564e-69)]
    [InlineData(120000, 0.003, 0.22983839677697482)]
    [InlineData(5, 0.15, 0.9988)]
    public void KolmogorovSf_MatchesScipyKstwo(long n, double x, double expected) =>
        Close.PValue(expected, Kolmogorov.Sf(n, x), $"kstwo.sf({x}, {n})");

    [Theory]
    [InlineData(1, 0.5, 0.47950012218695337)]
    [InlineData(4, 3.2, 0.5249309467861041)]
    [InlineData(9, 30.0, 0.00043872177097947936)]
    [InlineData(49, 40.0, 0.8167770748275297)]
    [InlineData(99, 150.0, 0.0007204453957169282)]
    [InlineData(299, 310.0, 0.31860384970141636)]
    [InlineData(2, 1159.5904095323035, 1.5781269487743605e-252)]
    public void ChiSquareSf_MatchesScipyChi2(int degreesOfFreedom, double x, double expected) =>
        Close.PValue(expected, Gamma.ChiSquareSf(x, degreesOfFreedom), $"chi2.sf({x}, {degreesOfFreedom})");

    internal static double[] Sequence(int n, long multiplier, long modulus, double scale, double shift)
    {
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = (i * multiplier % modulus / scale) + shift;
        }

        return values;
    }
}
