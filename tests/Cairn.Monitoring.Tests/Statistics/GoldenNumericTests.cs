using Cairn.Monitoring.Statistics;

namespace Cairn.Monitoring.Tests.Statistics;

/// <summary>Numeric cases of the drift contract: KS, Wasserstein, Sturges bins, PSI and binned Jensen–Shannon.</summary>
public sealed class GoldenNumericTests
{
    public static TheoryData<string> Numeric => Golden.Ids("numeric");

    [Theory]
    [MemberData(nameof(Numeric))]
    public void KolmogorovSmirnov_MatchesScipyKs2samp(string id)
    {
        var (reference, current) = Samples(id);
        var expected = Golden.Case(id).GetProperty("ks");

        var auto = KolmogorovSmirnov.TestSorted(reference, current);
        var asymptotic = KolmogorovSmirnov.TestSorted(reference, current, KsMethod.Asymptotic);

        Assert.True(auto.Exact);
        Close.Statistic(expected.Number("statistic"), auto.Statistic, "D");
        Close.Statistic(expected.Number("statistic"), asymptotic.Statistic, "D");
        Close.PValue(expected.Number("pvalue_auto"), auto.PValue, "exact p-value");
        Close.PValue(expected.Number("pvalue_asymptotic"), asymptotic.PValue, "asymptotic p-value");
    }

    [Theory]
    [MemberData(nameof(Numeric))]
    public void Wasserstein_MatchesScipyAndEvidentlyNorm(string id)
    {
        var (reference, current) = Samples(id);
        var expected = Golden.Case(id);

        var distance = Wasserstein.DistanceSorted(reference, current);
        var std = Moments.PopulationStd(reference, Moments.Mean(reference));

        Close.Statistic(expected.Number("wasserstein"), distance, "wasserstein");
        Close.Statistic(expected.Number("wasserstein_normed"), Wasserstein.Normed(distance, std), "normed");
        Close.Statistic(expected.Number("wasserstein"), Wasserstein.Distance(Golden.Case(id).Numbers("current"), Golden.Case(id).Numbers("reference")), "symmetric");
    }

    [Theory]
    [MemberData(nameof(Numeric))]
    public void SturgesBins_MatchNumpyEdgesAndCounts(string id)
    {
        var (reference, current) = Samples(id);
        var expected = Golden.Case(id);

        var edges = Bins(reference, current);

        var expectedEdges = expected.Numbers("sturges_bin_edges");
        Assert.Equal(expectedEdges.Length, edges.Length);
        for (var i = 0; i < edges.Length; i++)
        {
            Close.Statistic(expectedEdges[i], edges[i], $"edge {i}");
        }

        Assert.Equal(expected.Counts("reference_bin_counts"), SturgesBins.Count(reference, edges));
        Assert.Equal(expected.Counts("current_bin_counts"), SturgesBins.Count(current, edges));
    }

    [Theory]
    [MemberData(nameof(Numeric))]
    public void PsiAndJensenShannon_OnSturgesBins_MatchEvidently(string id)
    {
        var (reference, current) = Samples(id);
        var expected = Golden.Case(id);
        var edges = Bins(reference, current);
        var referenceCounts = SturgesBins.Count(reference, edges);
        var currentCounts = SturgesBins.Count(current, edges);

        var psi = Psi.FromCounts(referenceCounts, reference.Length, currentCounts, current.Length);
        var js = JensenShannon.FromCounts(referenceCounts, reference.Length, currentCounts, current.Length);

        Close.Statistic(expected.Number("psi"), psi, "psi");
        Close.Statistic(expected.Number("jensenshannon_binned"), js, "jensenshannon");
    }

    private static double[] Bins(double[] reference, double[] current) =>
        SturgesBins.Edges(Math.Min(reference[0], current[0]), Math.Max(reference[^1], current[^1]), reference.Length + current.Length);

    private static (double[] Reference, double[] Current) Samples(string id)
    {
        var c = Golden.Case(id);
        var reference = c.Numbers("reference");
        var current = c.Numbers("current");
        Array.Sort(reference);
        Array.Sort(current);
        return (reference, current);
    }
}
