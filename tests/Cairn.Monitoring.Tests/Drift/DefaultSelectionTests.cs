using Cairn.Monitoring.Drift;
using Cairn.Monitoring.Tests.Statistics;

namespace Cairn.Monitoring.Tests.Drift;

/// <summary>Evidently's default test per column (registry._get_default_stattest), checked with golden values.</summary>
public sealed class DefaultSelectionTests
{
    [Fact]
    public void SmallNumericReference_UsesKs_WithGoldenPValue()
    {
        var drift = DriftCalculator.ComputeColumn(DriftData.NumericReference("numeric-1"), DriftData.NumericCurrent("numeric-1"));

        var ks = Golden.Case("numeric-1").GetProperty("ks");
        Assert.Equal("ks", drift.Method);
        Assert.Equal("numeric", drift.Type);
        Assert.True(drift.IsPValue);
        Assert.Equal(0.05, drift.Threshold);
        Close.PValue(ks.Number("pvalue_auto"), drift.Score);
        Close.Statistic(ks.Number("statistic"), drift.Statistic);
        Assert.True(drift.Drifted); // p = 3.2e-9
    }

    [Fact]
    public void SmallNumericReference_WithoutDrift_IsNotDrifted()
    {
        var drift = DriftCalculator.ComputeColumn(DriftData.NumericReference("numeric-0"), DriftData.NumericCurrent("numeric-0"));

        Assert.Equal("ks", drift.Method);
        Close.PValue(Golden.Case("numeric-0").Number("ks", "pvalue_auto"), drift.Score);
        Assert.False(drift.Drifted); // p = 0.67
    }

    [Fact]
    public void LargeNumericReference_UsesNormedWasserstein_WithThresholdPointOne()
    {
        // numeric-3 has 3000 reference rows: the large-reference rule applies.
        var drift = DriftCalculator.ComputeColumn(DriftData.NumericReference("numeric-3"), DriftData.NumericCurrent("numeric-3"));

        Assert.Equal("wasserstein", drift.Method);
        Assert.False(drift.IsPValue);
        Assert.Equal(0.1, drift.Threshold);
        Close.Statistic(Golden.Case("numeric-3").Number("wasserstein_normed"), drift.Score);
        Close.Statistic(Golden.Case("numeric-3").Number("wasserstein"), drift.Statistic);
        Assert.False(drift.Drifted); // 0.0698 < 0.1
    }

    [Fact]
    public void SizeRule_LooksAtTheReferenceRowCount_NotTheSampleLength()
    {
        // A 200-value sample of a 50,000-row training set: Evidently would see 50,000 reference rows.
        var drift = DriftCalculator.ComputeColumn(DriftData.NumericReference("numeric-1", rowCount: 50_000), DriftData.NumericCurrent("numeric-1"));

        Assert.Equal("wasserstein", drift.Method);
        Close.Statistic(Golden.Case("numeric-1").Number("wasserstein_normed"), drift.Score);
        Assert.True(drift.Drifted); // 0.457 >= 0.1
    }

    [Fact]
    public void SmallCategoricalReference_WithThreeCategories_UsesChiSquare()
    {
        var drift = DriftCalculator.ComputeColumn(DriftData.CategoricalReference("categorical-0"), DriftData.CategoricalCurrent("categorical-0"));

        var chi = Golden.Case("categorical-0").GetProperty("chisquare_goodness_of_fit");
        Assert.Equal("chisquare", drift.Method);
        Assert.Equal("categorical", drift.Type);
        Close.PValue(chi.Number("pvalue"), drift.Score);
        Close.Statistic(chi.Number("statistic"), drift.Statistic);
        Assert.True(drift.Drifted); // p = 0.003
    }

    [Fact]
    public void LargeCategoricalReference_UsesJensenShannon()
    {
        var drift = DriftCalculator.ComputeColumn(DriftData.CategoricalReference("categorical-1", rowCount: 800_000), DriftData.CategoricalCurrent("categorical-1"));

        Assert.Equal("jensenshannon", drift.Method);
        Assert.Equal(0.1, drift.Threshold);
        Close.Statistic(Golden.Case("categorical-1").Number("jensenshannon"), drift.Score);
        Assert.True(drift.Drifted); // 0.16 >= 0.1
    }

    [Fact]
    public void SmallCategoricalReference_WithTwoCategories_UsesZTest_FirstCategoryAgainstTheRest()
    {
        var reference = new DriftReferenceColumn { Name = "b", RowCount = 500, Categories = [new("yes", 155), new("no", 345)] };
        var current = new DriftCurrentColumn { Name = "b", Categories = [.. Enumerable.Repeat("yes", 154), .. Enumerable.Repeat("no", 346)] };

        var drift = DriftCalculator.ComputeColumn(reference, current);

        // Ordinal order puts "no" first: successes are the "yes" rows, as in golden binary-0.
        var z = Golden.Case("binary-0").GetProperty("z_test");
        Assert.Equal("z", drift.Method);
        Close.Statistic(z.Number("statistic"), drift.Statistic);
        Close.PValue(z.Number("pvalue_two_sided"), drift.Score);
    }

    [Theory]
    [InlineData(3, 1000, "chisquare")]
    [InlineData(5, 1000, "chisquare")]
    [InlineData(2, 1000, "z")]
    [InlineData(1, 1000, "z")]
    [InlineData(6, 1000, "ks")]
    [InlineData(3, 1001, "jensenshannon")]
    [InlineData(6, 1001, "wasserstein")]
    public void NumericColumn_ChoosesByDistinctValuesOverBothSides(int levels, long referenceRows, string expected)
    {
        // The reference alone has one level fewer: nunique is counted over reference ∪ current.
        var reference = DriftData.Reference("n", DriftData.Levels(300, Math.Max(1, levels - 1)), referenceRows);
        var current = DriftData.Current("n", DriftData.Levels(200, levels));

        var drift = DriftCalculator.ComputeColumn(reference, current);

        Assert.Equal(expected, drift.Method);
        Assert.Equal(levels <= 5 ? "categorical" : "numeric", drift.Type);
    }
}
