using Cairn.Core.Errors;
using Cairn.Monitoring.Drift;
using Cairn.Monitoring.Tests.Statistics;

namespace Cairn.Monitoring.Tests.Drift;

public sealed class OverrideTests
{
    [Fact]
    public void GlobalMethodPsi_OnNumericColumn_UsesSturgesBinsLikeEvidently()
    {
        var options = new DriftOptions { Method = "psi" };

        var drift = DriftCalculator.ComputeColumn(DriftData.NumericReference("numeric-2"), DriftData.NumericCurrent("numeric-2"), options);

        Assert.Equal("psi", drift.Method);
        Assert.Equal(0.1, drift.Threshold);
        Close.Statistic(Golden.Case("numeric-2").Number("psi"), drift.Score);
        Assert.True(drift.Drifted); // 0.355
    }

    [Fact]
    public void NumericMethodJensenShannon_OnNumericColumn_MatchesGoldenBinnedDistance()
    {
        var options = new DriftOptions { NumericMethod = "jensenshannon", CategoricalMethod = "psi" };

        var numeric = DriftCalculator.ComputeColumn(DriftData.NumericReference("numeric-4"), DriftData.NumericCurrent("numeric-4"), options);
        var categorical = DriftCalculator.ComputeColumn(DriftData.CategoricalReference("categorical-2"), DriftData.CategoricalCurrent("categorical-2"), options);

        Close.Statistic(Golden.Case("numeric-4").Number("jensenshannon_binned"), numeric.Score);
        Assert.Equal("psi", categorical.Method);
        Close.Statistic(Golden.Case("categorical-2").Number("psi"), categorical.Score);
    }

    [Fact]
    public void PerColumnOverride_WinsOverTypeAndGlobal()
    {
        var options = new DriftOptions
        {
            Method = "psi",
            Threshold = 0.2,
            NumericMethod = "wasserstein",
            NumericThreshold = 0.5,
            PerColumn = new Dictionary<string, ColumnDriftOverride> { ["x"] = new("ks", 0.01) },
        };

        var x = DriftCalculator.ComputeColumn(DriftData.NumericReference("numeric-2", name: "x"), DriftData.NumericCurrent("numeric-2", name: "x"), options);
        var y = DriftCalculator.ComputeColumn(DriftData.NumericReference("numeric-2", name: "y"), DriftData.NumericCurrent("numeric-2", name: "y"), options);
        var c = DriftCalculator.ComputeColumn(DriftData.CategoricalReference("categorical-0"), DriftData.CategoricalCurrent("categorical-0"), options);

        Assert.Equal(("ks", 0.01), (x.Method, x.Threshold));
        Close.PValue(Golden.Case("numeric-2").Number("ks", "pvalue_auto"), x.Score);
        Assert.Equal(("wasserstein", 0.5), (y.Method, y.Threshold));
        Assert.False(y.Drifted); // 0.367 < 0.5
        Assert.Equal(("psi", 0.2), (c.Method, c.Threshold));
        Assert.False(c.Drifted); // 0.041 < 0.2
    }

    [Fact]
    public void ThresholdOverride_WithoutMethod_KeepsTheDefaultTest()
    {
        var options = new DriftOptions { PerColumn = new Dictionary<string, ColumnDriftOverride> { ["x"] = new(null, 0.7) } };

        var drift = DriftCalculator.ComputeColumn(DriftData.NumericReference("numeric-0"), DriftData.NumericCurrent("numeric-0"), options);

        Assert.Equal("ks", drift.Method);
        Assert.Equal(0.7, drift.Threshold);
        Assert.True(drift.Drifted); // p = 0.67 <= 0.7
    }

    [Fact]
    public void KsOnCategoricalColumn_IsRejectedNamingTheColumn()
    {
        var options = new DriftOptions { Method = "ks" };

        var error = Assert.Throws<CairnException>(() =>
            DriftCalculator.ComputeColumn(DriftData.CategoricalReference("categorical-0"), DriftData.CategoricalCurrent("categorical-0"), options));

        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains("'c'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anderson", null, 0.5)]
    [InlineData(null, -0.1, 0.5)]
    [InlineData(null, double.NaN, 0.5)]
    [InlineData(null, null, 0.0)]
    [InlineData(null, null, 1.5)]
    public void InvalidOptions_AreRejected(string? method, double? threshold, double share)
    {
        var options = new DriftOptions { Method = method, Threshold = threshold, DriftShare = share };

        var error = Assert.Throws<CairnException>(options.Validate);

        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.StartsWith("drift.", error.Message, StringComparison.Ordinal);
    }
}
