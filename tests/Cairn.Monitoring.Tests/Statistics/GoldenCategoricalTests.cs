using Cairn.Monitoring.Statistics;

namespace Cairn.Monitoring.Tests.Statistics;

/// <summary>Categorical and binary cases of the drift contract: chi-square, Jensen–Shannon, PSI, z-test.</summary>
public sealed class GoldenCategoricalTests
{
    public static TheoryData<string> Categorical => Golden.Ids("categorical");

    public static TheoryData<string> Binary => Golden.Ids("binary");

    [Theory]
    [MemberData(nameof(Categorical))]
    public void ChiSquare_MatchesScipyGoodnessOfFit(string id)
    {
        var (reference, current) = Counts(id);
        var expected = Golden.Case(id).GetProperty("chisquare_goodness_of_fit");

        var (statistic, p) = ChiSquare.GoodnessOfFit(reference, current);

        Close.Statistic(expected.Number("statistic"), statistic, "chi2");
        Close.PValue(expected.Number("pvalue"), p);
    }

    [Theory]
    [MemberData(nameof(Categorical))]
    public void JensenShannonAndPsi_MatchEvidently(string id)
    {
        var (reference, current) = Counts(id);
        var expected = Golden.Case(id);

        Close.Statistic(expected.Number("jensenshannon"), JensenShannon.FromCounts(reference, reference.Sum(), current, current.Sum()), "jensenshannon");
        Close.Statistic(expected.Number("psi"), Psi.FromCounts(reference, reference.Sum(), current, current.Sum()), "psi");
    }

    [Theory]
    [MemberData(nameof(Binary))]
    public void TwoProportionZTest_MatchesEvidently(string id)
    {
        var c = Golden.Case(id);

        var (z, p) = TwoProportionZTest.Test(
            c.GetProperty("reference_successes").GetInt64(), c.GetProperty("reference_n").GetInt64(),
            c.GetProperty("current_successes").GetInt64(), c.GetProperty("current_n").GetInt64());

        Close.Statistic(c.Number("z_test", "statistic"), z, "z");
        Close.PValue(c.Number("z_test", "pvalue_two_sided"), p);
    }

    /// <summary>Counts the raw category lists and checks them against the case's own counts.</summary>
    private static (long[] Reference, long[] Current) Counts(string id)
    {
        var c = Golden.Case(id);
        var categories = c.Strings("categories");
        var reference = categories.Select(k => (long)c.Strings("reference").Count(v => v == k)).ToArray();
        var current = categories.Select(k => (long)c.Strings("current").Count(v => v == k)).ToArray();
        Assert.Equal(c.Counts("reference_counts"), reference);
        Assert.Equal(c.Counts("current_counts"), current);
        return (reference, current);
    }
}
