using Cairn.Monitoring.Statistics;

namespace Cairn.Monitoring.Tests.Statistics;

/// <summary>Expected values from SciPy 1.10.1 <c>special.erfc</c>, <c>special.erf</c>, <c>stats.norm</c>.</summary>
public sealed class NormalTests
{
    [Theory]
    [InlineData(0.3, 0.6713732405408726)]
    [InlineData(2.5, 0.00040695201744495886)]
    [InlineData(9.0, 4.137031746513811e-37)]
    [InlineData(-1.5, 1.9661051464753108)]
    public void Erfc_MatchesScipy(double x, double expected) => Close.Statistic(expected, Normal.Erfc(x), "erfc");

    [Fact]
    public void Erf_MatchesScipy() => Close.Statistic(0.5204998778130465, Normal.Erf(0.5), "erf");

    [Fact]
    public void Tails_MatchScipy()
    {
        Close.Statistic(2.866515718791933e-07, Normal.Sf(5.0), "sf");
        Close.Statistic(7.61985302416047e-24, Normal.Cdf(-10), "cdf");
        Assert.Equal(1.0, Normal.Cdf(double.PositiveInfinity));
    }
}
