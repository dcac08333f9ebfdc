using Cairn.Monitoring.Statistics;

namespace Cairn.Monitoring.Tests.Statistics;

/// <summary>Expected values from SciPy 1.10.1 <c>stats.mannwhitneyu(a, b, method="asymptotic")</c>.</summary>
public sealed class MannWhitneyTests
{
    [Fact]
    public void Test_WithTies_MatchesScipyAsymptotic()
    {
        double[] a = [0.0, 1.4, 1.2, -0.5, -0.3, -0.5, 0.6, -0.1, 0.7, -1.8, 1.6, -0.1, 0.7, -0.1, -0.4, 0.5, 0.8, -0.2, -0.2, 0.7, -0.9, -1.5, 0.4, -0.7, -1.9, -0.8, -0.5, -1.2, -1.5, 0.0, 0.9, -0.2, -0.7, 0.4, 0.7, -0.3, 0.5, 1.0, -0.2, -0.8];
        double[] b = [0.7, 0.6, 1.5, -0.9, -0.3, -0.4, -1.3, 0.5, 0.9, -0.3, 1.8, 1.2, 1.0, 0.8, 1.4, -0.9, 1.0, 1.0, -1.4, 0.7, 0.1, 1.2, -0.0, 0.4, 0.7, -0.5, 1.0, 0.3, 0.9, -0.1, 1.5, 1.0, 0.2, 1.0, 1.7];

        var (u, p) = MannWhitney.Test(a, b);

        Close.Statistic(430.0, u, "U");
        Close.PValue(0.004159413679413137, p);
    }

    [Fact]
    public void Test_SeparatedSamples_MatchesScipyAsymptotic()
    {
        var (u, p) = MannWhitney.Test([1.5, 2.5, 3.5], [10.0, 11.0, 12.0, 13.0]);

        Close.Statistic(0.0, u, "U");
        Close.PValue(0.05182992721790968, p);
    }

    [Fact]
    public void Test_AllValuesTied_GivesPValueOne()
    {
        var (u, p) = MannWhitney.Test([1.0, 1.0], [1.0, 1.0, 1.0]);

        Assert.Equal(3.0, u);
        Assert.Equal(1.0, p);
    }

    [Theory]
    [InlineData(0.05, 3864404.0, 0.051042709348615725)]
    [InlineData(0.0, 3901531.5, 0.009754407803532482)]
    public void Test_LargeSamplesWithManyTies_MatchesScipyAsymptotic(double shift, double expectedU, double expectedP)
    {
        var a = Enumerable.Range(0, 3000).Select(i => (i * 37 % 101) / 10.0).ToArray();
        var b = Enumerable.Range(0, 2500).Select(i => ((i * 53 % 97) / 10.0) + shift).ToArray();

        var (u, p) = MannWhitney.Test(a, b);

        Close.Statistic(expectedU, u, "U");
        Close.PValue(expectedP, p);
    }

    [Fact]
    public void Test_EmptySample_IsRejected() =>
        Assert.Throws<ArgumentException>(() => MannWhitney.Test([], [1.0]));

    [Fact]
    public void Test_NaN_IsRejected() =>
        Assert.Throws<ArgumentException>(() => MannWhitney.Test([double.NaN], [1.0]));
}
